package org.rlsblog.importer;

import java.io.IOException;
import java.nio.file.Path;

/** Where the old site's uploaded files come from: a copy of its uploads folder, or the old site itself. */
interface MediaSource {

    /** How a file came: copied from a folder or fetched over the network. */
    enum Kind {
        COPIED,
        FETCHED
    }

    Kind kind();

    /**
     * Streams the file at {@code relative} (below {@code uploads/}, checked by {@link UploadPaths})
     * into {@code target}; false when the source has no such file.
     */
    boolean copy(String relative, Path target) throws IOException;

    /** Whether the source has the file, without writing anything (for a dry run). */
    boolean exists(String relative) throws IOException;
}
