package org.rlsblog.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * A content folder and a data folder in a temporary folder for each test, and the image catalogs
 * started on them with one processing thread each; after the test their processors are stopped
 * and the folder deleted. Use it as {@code @RegisterExtension final ImageFolders folders = new ImageFolders();}.
 */
final class ImageFolders implements BeforeEachCallback, AfterEachCallback {

    private final List<AutoCloseable> open = new ArrayList<>();
    private @Nullable Path dir;
    private @Nullable ImageProcessor latest;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("rls-blog-images");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        open.clear();
        FileSystemUtils.deleteRecursively(dir());
    }

    /** Where the catalog keeps what it examined, with {@link #catalogWithIndex()}. */
    Path indexFile() {
        return dir().resolve("data/images/index.tsv");
    }

    /** The variant store in the data folder. */
    ImageStore store() {
        return new ImageStore(dir().resolve("data/images"));
    }

    /** A catalog that forgets what it examined when it stops, as a start without an index. */
    ImageCatalog catalog() {
        return new ImageCatalog(ImagesProperties.defaults(), newProcessor());
    }

    /** A catalog that keeps what it examined in the data folder's index, as the site does. */
    ImageCatalog catalogWithIndex() {
        ImageCatalog catalog = new ImageCatalog(
                ImagesProperties.defaults(), newProcessor(), new ImageIndex(indexFile(), dir().resolve("content")));
        open.add(catalog);
        return catalog;
    }

    /** The processor of the catalog made last. */
    ImageProcessor processor() {
        if (latest == null) {
            throw new IllegalStateException("no catalog made yet");
        }
        return latest;
    }

    /** Writes an image into the content's media folder. */
    Path write(String name, byte[] bytes) throws IOException {
        Path file = dir().resolve("content/media").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private Path dir() {
        if (dir == null) {
            throw new IllegalStateException(
                    "register ImageFolders as an extension: it makes its folder before each test");
        }
        return dir;
    }

    private ImageProcessor newProcessor() {
        latest = new ImageProcessor(
                store(), new VariantMaker(ImagesProperties.defaults().widths()), 1);
        open.add(latest);
        return latest;
    }
}
