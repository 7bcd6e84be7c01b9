package org.rlsblog.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the processing time of one image goes, in CPU time of this thread (wall time lies on a busy
 * machine): run by hand, not a test. Usage: {@code java -cp … ImageStepsMeasure <folder> [rounds] [make-only]}.
 * Makes a 12-megapixel phone photo, two blog photos and a PNG diagram, then times each step of
 * {@link VariantMaker} on them, and the whole {@code make}.
 */
public final class ImageStepsMeasure {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Map<String, Long> STEPS = new LinkedHashMap<>();

    private ImageStepsMeasure() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put(
                "phone 4000x3000 jpg",
                write(folder, "phone.jpg", () -> TestImages.jpeg(TestImages.photo(4000, 3000, 1), 0.92f)));
        inputs.put(
                "blog 2048x1365 jpg",
                write(folder, "blog2.jpg", () -> TestImages.jpeg(TestImages.photo(2048, 1365, 2), 0.88f)));
        inputs.put(
                "blog 1200x800 jpg",
                write(folder, "blog1.jpg", () -> TestImages.jpeg(TestImages.photo(1200, 800, 3), 0.88f)));
        inputs.put("diagram 1600x1000 png", write(folder, "diagram.png", () -> TestImages.png(diagram(1600, 1000))));
        VariantMaker maker = new VariantMaker(ImagesProperties.defaults().widths());
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Path file = input.getValue();
            ImageHeader header = ImageHeaders.read(file);
            long fastest = Long.MAX_VALUE;
            for (int round = 0; round < rounds; round++) { // the least of several: the machine is shared
                long start = CPU.getCurrentThreadCpuTime();
                Map<String, byte[]> variants = maker.make(file, header);
                fastest = Math.min(fastest, CPU.getCurrentThreadCpuTime() - start);
                long bytes = variants.values().stream().mapToLong(b -> b.length).sum();
                if (round == rounds - 1) {
                    System.out.printf(
                            "%-24s %8d bytes: make %6.0f ms CPU, %d files of %d bytes%n",
                            input.getKey(), Files.size(file), fastest / 1e6, variants.size(), bytes);
                    System.out.println("    "
                            + variants.keySet().stream()
                                    .map(name -> name + "=" + variants.get(name).length)
                                    .toList());
                }
            }
            if (args.length > 2 && args[2].equals("make-only")) {
                continue;
            }
            STEPS.clear();
            for (int round = 0; round < rounds; round++) {
                steps(file, header, ImagesProperties.defaults().widths());
            }
            for (Map.Entry<String, Long> step : STEPS.entrySet()) {
                System.out.printf("    %-20s %6.0f ms%n", step.getKey(), step.getValue() / 1e6 / rounds);
            }
        }
    }

    /** The steps of {@link VariantMaker#make}, each timed. */
    private static void steps(Path file, ImageHeader header, List<Integer> widths) throws Exception {
        List<Integer> sizes = VariantMaker.widthsFor(widths, header.displayWidth());
        BufferedImage decoded = time("decode", () -> VariantMaker.decode(file, header, sizes.get(sizes.size() - 1)));
        BufferedImage upright = time("orient", () -> VariantMaker.orient(decoded, header.orientation()));
        boolean alpha = upright.getColorModel().hasAlpha() && header.format().equals("png");
        BufferedImage source = time("normalise", () -> VariantMaker.normalise(upright, alpha));
        for (int i = sizes.size() - 1; i >= 0; i--) {
            int width = sizes.get(i);
            BufferedImage from = source;
            BufferedImage resized =
                    from.getWidth() == width ? from : time("resize", () -> VariantMaker.resize(from, width));
            time("encode webp", () -> VariantMaker.encode(resized, "webp", VariantMaker.WEBP_QUALITY));
            if (!header.extension().equals("webp")) {
                time(
                        "encode " + header.format(),
                        () -> VariantMaker.encode(
                                resized,
                                header.format(),
                                header.format().equals("jpeg") ? VariantMaker.JPEG_QUALITY : VariantMaker.PNG_QUALITY));
            }
            source = resized;
        }
    }

    interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T time(String name, Step<T> step) throws Exception {
        long start = CPU.getCurrentThreadCpuTime();
        T result = step.run();
        STEPS.merge(name, CPU.getCurrentThreadCpuTime() - start, Long::sum);
        return result;
    }

    private static Path write(Path folder, String name, Supplier<byte[]> bytes) throws Exception {
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            Files.write(file, bytes.get());
        }
        return file;
    }

    /** Flat colours, lines and text, as a diagram or a screenshot is. */
    static BufferedImage diagram(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color((i * 53) % 256, (i * 97) % 256, (i * 31) % 256));
            g.fillRoundRect((i * 137) % width, (i * 71) % height, 120, 60, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString("Calf muscle, part " + i, (i * 137) % width + 8, (i * 71) % height + 30);
            g.drawLine(0, i * 25, width, height - i * 25);
        }
        g.dispose();
        return image;
    }
}
