package org.rlsblog.images;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rlsblog.content.ImageFacts;

/**
 * Two figures for docs/benchmarks.md, run by hand (not a test): how long the background processor
 * takes for {@code count} generated images, and what a phone downloads of six 12-megapixel photos
 * against their originals. Usage: {@code java -Xmx512m -cp … ImageProcessingMeasure <folder> <count>
 * <width> <height>}, or {@code … <folder> mix <count>} for a blog's mix of photos and PNGs. {@code …
 * <folder> posts <count>} only writes that mix into {@code <folder>/media} with posts that show it,
 * ten images a post, for scripts/image-load.sh to start the site on.
 */
public final class ImageProcessingMeasure {

    private static final int PHOTOS = 6;
    private static final int PHOTO_WIDTH = 4000;
    private static final int PHOTO_HEIGHT = 3000;
    private static final int IMAGES_PER_POST = 10;

    private ImageProcessingMeasure() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        if (args[1].equals("mix")) {
            mix(folder.resolve("mix"), Integer.parseInt(args[2]));
            return;
        }
        if (args[1].equals("posts")) {
            posts(folder, Integer.parseInt(args[2]));
            return;
        }
        int count = Integer.parseInt(args[1]);
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        many(folder.resolve("many"), count, width, height);
        photos(folder.resolve("photos"));
    }

    private static void many(Path folder, int count, int width, int height) throws IOException {
        List<Path> files = new ArrayList<>();
        Path media = Files.createDirectories(folder.resolve("content/media"));
        for (int i = 0; i < count; i++) {
            Path file = media.resolve("image-" + i + ".jpg");
            if (!Files.exists(file)) {
                Files.write(file, TestImages.jpeg(TestImages.photo(width, height, i), 0.9f));
            }
            files.add(file);
        }
        ImagesProperties properties = ImagesProperties.defaults();
        try (ImageProcessor processor = processor(folder, properties)) {
            ImageCatalog catalog = new ImageCatalog(properties, processor);
            long start = System.nanoTime();
            for (Path file : files) {
                catalog.describe(file, "/media/" + file.getFileName());
            }
            long described = System.nanoTime();
            while (processor.made() < count) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            long done = System.nanoTime();
            System.out.printf(
                    "%d images of %d x %d on %d thread(s): described (header, hash) in %.1f s, variants made in %.1f s%n",
                    count, width, height, properties.threadCount(), (described - start) / 1e9, (done - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code count} images as a health blog has them: 15 % 12-megapixel phone photos, 35 % blog
     * photos of 2048 × 1365, 30 % of 1200 × 800, 20 % PNG diagrams of 1600 × 1000. A few of each are
     * drawn; the others are copies made unique by a JPEG comment or bytes after the PNG's end, so
     * that each has its own hash and is processed in full.
     */
    private static void mix(Path folder, int count) throws Exception {
        List<Path> files = mixFiles(Files.createDirectories(folder.resolve("content/media")), count);
        mixProcess(files, count, ImagesProperties.defaults(), folder);
    }

    private static List<Path> mixFiles(Path media, int count) throws IOException {
        byte[][] phones = {TestImages.jpeg(TestImages.photo(4000, 3000, 1), 0.92f)};
        byte[][] large = {TestImages.jpeg(TestImages.photo(2048, 1365, 2), 0.88f)};
        byte[][] small = {TestImages.jpeg(TestImages.photo(1200, 800, 3), 0.88f)};
        byte[][] diagrams = {TestImages.png(ImageStepsMeasure.diagram(1600, 1000))};
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = i % 20; // 3 phone, 7 large, 6 small, 4 diagrams in every 20
            byte[][] kind = slot < 3 ? phones : slot < 10 ? large : slot < 16 ? small : diagrams;
            boolean png = kind == diagrams;
            Path file = media.resolve("image-" + i + (png ? ".png" : ".jpg"));
            if (!Files.exists(file)) {
                byte[] base = kind[0];
                byte[] tag = ("image " + i).getBytes(StandardCharsets.US_ASCII);
                byte[] out = new byte[base.length + tag.length + 4];
                if (png) {
                    System.arraycopy(base, 0, out, 0, base.length);
                    System.arraycopy(tag, 0, out, base.length, tag.length);
                } else { // a COM segment right after SOI
                    System.arraycopy(base, 0, out, 0, 2);
                    out[2] = (byte) 0xFF;
                    out[3] = (byte) 0xFE;
                    out[4] = (byte) ((tag.length + 2) >> 8);
                    out[5] = (byte) (tag.length + 2);
                    System.arraycopy(tag, 0, out, 6, tag.length);
                    System.arraycopy(base, 2, out, 6 + tag.length, base.length - 2);
                }
                Files.write(file, png ? Arrays.copyOf(out, base.length + tag.length) : out);
            }
            files.add(file);
        }
        return files;
    }

    private static void posts(Path content, int count) throws IOException {
        List<Path> files = mixFiles(Files.createDirectories(content.resolve("media")), count);
        Path posts = Files.createDirectories(content.resolve("posts"));
        for (int first = 0; first < files.size(); first += IMAGES_PER_POST) {
            StringBuilder post = new StringBuilder("---\ntitle: Pictures " + first + "\ndate: 2024-01-01\n---\n\n");
            for (Path file : files.subList(first, Math.min(files.size(), first + IMAGES_PER_POST))) {
                post.append("A paragraph before the picture.\n\n![A picture](/media/")
                        .append(file.getFileName())
                        .append(")\n\n");
            }
            Files.writeString(posts.resolve("pictures-" + first + ".md"), post);
        }
    }

    private static void mixProcess(List<Path> files, int count, ImagesProperties properties, Path folder)
            throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ImageProcessor processor = processor(folder, properties)) {
            ImageCatalog catalog = new ImageCatalog(properties, processor);
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (Path file : files) {
                catalog.describe(file, "/media/" + file.getFileName());
            }
            while (processor.made() < count) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf(
                    "%d mixed images on %d thread(s): %.1f s wall (%.2f images/s, %.0f s for 2,000), "
                            + "%.1f s process CPU (%.0f ms per image, %.2f images/s, %.1f min for 2,000)%n",
                    count,
                    properties.threadCount(),
                    wall,
                    count / wall,
                    wall * 2000 / count,
                    cpuSeconds,
                    cpuSeconds * 1000 / count,
                    count / cpuSeconds,
                    cpuSeconds * 2000 / count / 60);
        }
    }

    private static void photos(Path folder) throws IOException, InterruptedException {
        Path media = Files.createDirectories(folder.resolve("content/media"));
        ImagesProperties properties = ImagesProperties.defaults();
        long originals = 0;
        long dpr2 = 0;
        long dpr3 = 0;
        try (ImageProcessor processor = processor(folder, properties)) {
            ImageCatalog catalog = new ImageCatalog(properties, processor);
            List<String> hashes = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < PHOTOS; i++) {
                Path file = media.resolve("photo-" + i + ".jpg");
                if (!Files.exists(file)) {
                    Files.write(
                            file,
                            TestImages.withExif(
                                    TestImages.jpeg(TestImages.photo(PHOTO_WIDTH, PHOTO_HEIGHT, 100 + i), 0.92f),
                                    1,
                                    true));
                }
                originals += Files.size(file);
                ImageFacts facts = catalog.describe(file, "/media/" + file.getFileName());
                hashes.add(facts.src().split("/")[2]);
            }
            ImageStore store = new ImageStore(folder.resolve("data/images"));
            for (String hash : hashes) {
                while (!store.isComplete(hash)) {
                    TimeUnit.MILLISECONDS.sleep(200);
                }
                // a 390 px wide phone: the slot is 358 CSS px; at 2x it takes the 800w WebP, at 3x the 1200w
                dpr2 += Files.size(store.variant(hash, "800.webp").orElseThrow());
                dpr3 += Files.size(store.variant(hash, "1200.webp").orElseThrow());
            }
            System.out.printf(
                    "six %d x %d photos made in %.1f s: originals %d bytes; a phone at 2x gets %d (%.1f %%), at 3x %d (%.1f %%)%n",
                    PHOTO_WIDTH,
                    PHOTO_HEIGHT,
                    (System.nanoTime() - start) / 1e9,
                    originals,
                    dpr2,
                    100.0 * dpr2 / originals,
                    dpr3,
                    100.0 * dpr3 / originals);
        }
    }

    private static ImageProcessor processor(Path folder, ImagesProperties properties) {
        return new ImageProcessor(
                new ImageStore(folder.resolve("data/images")),
                new VariantMaker(properties.widths()),
                properties.threadCount());
    }
}
