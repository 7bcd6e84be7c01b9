package org.rlsblog.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The variants kept in the data folder, one folder per image content hash
 * ({@code <data-dir>/images/ab/abcd…/800.webp}). A folder is written whole under a temporary
 * name and then moved into place, so a folder that exists is complete: a restart finds it and
 * makes nothing again.
 */
final class ImageStore {

    static final Pattern HASH = Pattern.compile("[0-9a-f]{32}");
    static final Pattern VARIANT = Pattern.compile("([1-9][0-9]{0,4})\\.(jpg|png|webp)");

    private final Path root;

    ImageStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    boolean isComplete(String hash) {
        return Files.isDirectory(folder(hash));
    }

    /** A variant file of an image, if it has been made; the name must be a variant's name. */
    Optional<Path> variant(String hash, String name) {
        if (!HASH.matcher(hash).matches() || !VARIANT.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder(hash).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Keeps the variants of one image, all or none. */
    void save(String hash, Map<String, byte[]> files) throws IOException {
        Path folder = folder(hash);
        Files.createDirectories(folder.getParent());
        Path temporary = Files.createTempDirectory(folder.getParent(), ".making-");
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(temporary.resolve(file.getKey()), file.getValue());
            }
            if (!Files.exists(folder)) {
                Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteTree(temporary);
        }
    }

    private Path folder(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
