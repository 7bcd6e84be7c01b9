package org.rlsblog.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.ContentImages;
import org.rlsblog.content.ImageFacts;

/**
 * Describes the images content shows: reads each file's header and hashes its bytes once (again
 * only when its size or modification time changes, and kept across restarts by {@link ImageIndex}), refuses what is too large or not what its
 * name says, gives the variants' fingerprinted addresses and queues their making.
 */
final class ImageCatalog implements ContentImages, AutoCloseable {

    /** Hex digits of the SHA-256 that name an image's variants: 128 bits. */
    private static final int HASH_LENGTH = 32;

    private static final int DEFAULT_SRC_WIDTH = 800;
    private static final long MEGA = 1_000_000L;

    /** What one file was found to be. */
    private record Examined(
            long size,
            long modified,
            @Nullable String hash,
            @Nullable ImageHeader header,
            @Nullable String problem) {}

    /** The original behind a hash: served at variant addresses until the variants exist. */
    record Original(Path file, ImageHeader header) {}

    private final ImagesProperties properties;
    private final ImageProcessor processor;
    private final ImageIndex index;
    private final Map<Path, Examined> files = new ConcurrentHashMap<>();
    private final Map<String, Original> originals = new ConcurrentHashMap<>();
    private final AtomicInteger examinations = new AtomicInteger();

    ImageCatalog(ImagesProperties properties, ImageProcessor processor, ImageIndex index) {
        this.properties = properties;
        this.processor = processor;
        this.index = index;
    }

    /** A catalog that forgets what it examined when it stops. */
    ImageCatalog(ImagesProperties properties, ImageProcessor processor) {
        this(properties, processor, ImageIndex.inMemory());
    }

    @Override
    public ImageFacts describe(Path file, String url) {
        Examined examined;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            examined = files.get(file);
            if (examined == null || examined.size() != size || examined.modified() != modified) {
                examined = index.find(file, size, modified)
                        .map(entry -> new Examined(size, modified, entry.hash(), entry.header(), null))
                        .orElseGet(() -> examine(file, size, modified));
                files.put(file, examined);
            }
        } catch (IOException e) {
            return ImageFacts.refused(url, "it cannot be read (" + e.getMessage() + ")");
        }
        if (examined.problem() != null || examined.hash() == null || examined.header() == null) {
            return ImageFacts.refused(url, String.valueOf(examined.problem()));
        }
        String hash = examined.hash();
        ImageHeader header = examined.header();
        originals.put(hash, new Original(file, header));
        if (!header.hasVariants()) {
            return ImageFacts.original(header.displayWidth(), header.displayHeight(), url);
        }
        processor.submit(hash, file, header);
        List<ImageFacts.Candidate> candidates = new ArrayList<>();
        String src = null;
        boolean webpOnly = header.extension().equals("webp");
        for (int width : VariantMaker.widthsFor(properties.widths(), header.displayWidth())) {
            String own = "/images/" + hash + "/" + width + "." + header.extension();
            candidates.add(new ImageFacts.Candidate(own, width, false));
            if (!webpOnly) {
                candidates.add(new ImageFacts.Candidate("/images/" + hash + "/" + width + ".webp", width, true));
            }
            if (src == null || width <= DEFAULT_SRC_WIDTH) {
                src = own;
            }
        }
        return new ImageFacts(header.displayWidth(), header.displayHeight(), src, candidates, null);
    }

    /** The original file behind a variant address, while content shows it. */
    Optional<Original> original(String hash) {
        return Optional.ofNullable(originals.get(hash));
    }

    /** How many files were read (header and hash) rather than found in the index or in memory. */
    int examinations() {
        return examinations.get();
    }

    @Override
    public void close() {
        index.close();
    }

    private Examined examine(Path file, long size, long modified) {
        examinations.incrementAndGet();
        long maxBytes = properties.maxFileSize().toBytes();
        if (size > maxBytes) {
            return refused(
                    size,
                    modified,
                    "the file has " + size / MEGA + " MB, more than the "
                            + properties.maxFileSize().toMegabytes()
                            + " MB images may have (blog.images.max-file-size)");
        }
        ImageHeader header;
        try {
            header = ImageHeaders.read(file);
        } catch (IOException e) {
            return refused(size, modified, "it is not a readable image: " + e.getMessage());
        }
        String name = file.getFileName().toString();
        String named = ImageHeaders.formatOfExtension(name.substring(name.lastIndexOf('.') + 1));
        if (!named.equals(header.format())) {
            return refused(
                    size,
                    modified,
                    "it is a " + header.format().toUpperCase() + " image, but its name says " + named.toUpperCase());
        }
        if (header.width() <= 0 || header.height() <= 0 || header.pixels() > properties.maxPixels()) {
            return refused(
                    size,
                    modified,
                    header.width() + " × " + header.height() + " pixels is more than the "
                            + properties.maxPixels() / MEGA + " megapixels images may have (blog.images.max-pixels); "
                            + "it is not decoded");
        }
        try (InputStream in = Files.newInputStream(file)) {
            String hash = DigestUtils.sha256Hex(in).substring(0, HASH_LENGTH);
            index.put(file, new ImageIndex.Entry(size, modified, hash, header));
            return new Examined(size, modified, hash, header, null);
        } catch (IOException e) {
            return refused(size, modified, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Examined refused(long size, long modified, String problem) {
        return new Examined(size, modified, null, null, problem);
    }
}
