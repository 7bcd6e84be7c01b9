package org.rlsblog.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** What is in the content folder: the Markdown files to read, and a stamp of its images. */
final class ContentTree {

    private static final long STAMP_PRIME = 31;
    private static final List<String> IMAGE_FOLDERS = List.of("posts", "pages", "media");

    private ContentTree() {}

    /**
     * The Markdown files under {@code dir}; in a bundle (a folder with {@code index.md}) only that
     * file, since the rest of a bundle belongs to its post.
     */
    static List<Path> markdownFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> markdown;
        try (Stream<Path> files = Files.walk(dir)) {
            markdown = files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith(".") && (name.endsWith(".md") || name.endsWith(".markdown"));
                    })
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Set<Path> bundles = new HashSet<>();
        markdown.stream().map(ImageContext::bundleOf).filter(Objects::nonNull).forEach(bundles::add);
        return markdown.stream()
                .filter(f -> ImageContext.bundleOf(f) != null || !isInBundle(f, bundles))
                .toList();
    }

    private static boolean isInBundle(Path file, Set<Path> bundles) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            if (bundles.contains(dir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A number that changes when any raster image under the content folder is added, removed or
     * changed: the files that show images are then read again.
     */
    static long imageStamp(Path root) throws IOException {
        long stamp = 0;
        for (String folder : IMAGE_FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (ImageLinks.RASTER.contains(
                            ImageLinks.extension(file.getFileName().toString()))) {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        stamp = stamp * STAMP_PRIME
                                + Objects.hash(
                                        file.toString(),
                                        attributes.size(),
                                        attributes.lastModifiedTime().toMillis());
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return stamp;
    }
}
