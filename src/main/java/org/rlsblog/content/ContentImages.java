package org.rlsblog.content;

import java.nio.file.Path;

/**
 * Describes the image files that posts and pages show, when their Markdown is rendered. The
 * {@code images} feature implements it (reading sizes, making variants); content only asks, so
 * that it depends on no other feature.
 */
public interface ContentImages {

    /** Leaves every image as written: no size, no variants (tests of content alone). */
    ContentImages NONE = (file, url) -> ImageFacts.original(0, 0, url);

    /**
     * What the HTML shows for {@code file}, a regular file inside the content folder. Quick: it may
     * read the file's header and hash it, never decode it; making variants happens elsewhere.
     *
     * @param url the address the original is served at
     */
    ImageFacts describe(Path file, String url);
}
