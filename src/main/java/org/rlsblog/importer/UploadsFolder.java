package org.rlsblog.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * A copy of the old site's {@code wp-content/uploads} folder. A path is only followed while it
 * stays inside the folder, links included, so an export cannot make the import read other files.
 */
final class UploadsFolder implements MediaSource {

    private final Path root;

    UploadsFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("--uploads " + folder + ": no such folder");
        }
        this.root = folder.toRealPath();
    }

    @Override
    public Kind kind() {
        return Kind.COPIED;
    }

    @Override
    public boolean copy(String relative, Path target) throws IOException {
        Path file = file(relative);
        if (file == null) {
            return false;
        }
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    @Override
    public boolean exists(String relative) throws IOException {
        return file(relative) != null;
    }

    private @Nullable Path file(String relative) throws IOException {
        if (UploadPaths.check(relative) == null) {
            return null;
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return null;
        }
        Path real = file.toRealPath();
        return real.startsWith(root) && Files.isRegularFile(real) ? real : null;
    }
}
