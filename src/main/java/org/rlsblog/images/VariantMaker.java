package org.rlsblog.images;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.resizers.ProgressiveBilinearResizer;

/**
 * Makes the variants of one image: decoded once (subsampled when it is far larger than the widest
 * variant, so that memory stays bounded), turned upright by its EXIF orientation, resized to each
 * width, and written in WebP and its own format from pixels alone, so that no metadata (EXIF,
 * GPS, XMP, ICC) survives.
 */
final class VariantMaker {

    static final float JPEG_QUALITY = 0.82f;
    static final float WEBP_QUALITY = 0.80f;
    /**
     * libwebp's effort, 0 to 6 (its default is 4). Higher efforts search much harder for slightly
     * fewer bytes; 2 is far quicker at nearly the same size. Lower efforts are quicker still but
     * send a photo with sensor noise much larger, and readers pay for bytes (docs/benchmarks.md).
     */
    private static final int WEBP_METHOD = 2;
    /**
     * The JDK's PNG writer maps this to a quick deflate level. PNG variants are only for browsers
     * without WebP, so their slightly larger files are worth the CPU they save.
     */
    static final float PNG_QUALITY = 0.75f;
    /** Decoding keeps at least this many times the widest variant's pixels across, for a sharp result. */
    private static final int DECODE_MARGIN = 2;

    private final List<Integer> widths;

    VariantMaker(List<Integer> widths) {
        this.widths = List.copyOf(widths);
    }

    /** The widths of the variants of an image this wide as displayed: never wider than it. */
    static List<Integer> widthsFor(List<Integer> widths, int displayWidth) {
        List<Integer> fitting = new ArrayList<>();
        for (int width : widths) {
            if (width < displayWidth) {
                fitting.add(width);
            }
        }
        if (displayWidth <= widths.get(widths.size() - 1)) {
            fitting.add(displayWidth);
        }
        return fitting;
    }

    /** The variants by file name ({@code 800.webp}, {@code 800.jpg}). */
    Map<String, byte[]> make(Path file, ImageHeader header) throws IOException {
        List<Integer> sizes = widthsFor(widths, header.displayWidth());
        BufferedImage upright = orient(decode(file, header, sizes.get(sizes.size() - 1)), header.orientation());
        boolean alpha = upright.getColorModel().hasAlpha() && !header.format().equals("jpeg");
        BufferedImage image = normalise(upright, alpha);
        Map<String, byte[]> files = new LinkedHashMap<>();
        BufferedImage source = image;
        for (int i = sizes.size() - 1; i >= 0; i--) {
            int width = sizes.get(i);
            // each size is made from the next larger one: quicker, and as sharp at these ratios
            BufferedImage resized = resize(source, width);
            files.put(width + ".webp", encode(resized, "webp", WEBP_QUALITY));
            if (!header.extension().equals("webp")) {
                String format = header.variantFormat();
                files.put(
                        width + "." + header.extension(),
                        encode(resized, format, format.equals("jpeg") ? JPEG_QUALITY : PNG_QUALITY));
            }
            source = resized;
        }
        return files;
    }

    static BufferedImage decode(Path file, ImageHeader header, int widest) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageHeaders.reader(in);
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, header.displayWidth() / (DECODE_MARGIN * widest));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Resizes to a width by halving while the image is twice as wide or more, then one last step:
     * each step then averages whole pixels, so that no detail aliases, at a fraction of the cost of
     * going from the full size in small steps.
     */
    static BufferedImage resize(BufferedImage image, int width) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width) {
            current = scaled(current, current.getWidth() / 2);
        }
        return current.getWidth() == width ? current : scaled(current, width);
    }

    private static BufferedImage scaled(BufferedImage image, int width) {
        int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
        BufferedImage scaled = new BufferedImage(width, height, image.getType());
        new ProgressiveBilinearResizer().resize(image, scaled);
        return scaled;
    }

    /** Turns the pixels as EXIF orientation 1 to 8 says (mirrored ones included). */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean quarter = orientation >= 5;
        AffineTransform transform = new AffineTransform();
        switch (orientation) {
            case 2 -> transform.setTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> transform.setTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> transform.setTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> transform.setTransform(0, 1, 1, 0, 0, 0); // mirrored, turned
            case 6 -> transform.setTransform(0, 1, -1, 0, h, 0); // turned clockwise
            case 7 -> transform.setTransform(0, -1, -1, 0, h, w);
            case 8 -> transform.setTransform(0, -1, 1, 0, 0, w); // turned anticlockwise
            default -> {
                return image;
            }
        }
        BufferedImage turned = new BufferedImage(
                quarter ? h : w,
                quarter ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /** Plain sRGB pixels the encoders take: RGB on white, or ARGB where a PNG has transparency. */
    static BufferedImage normalise(BufferedImage image, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage plain = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = plain.createGraphics();
        try {
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return plain;
    }

    static byte[] encode(BufferedImage image, String format, float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no " + format + " encoder");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                if (param instanceof WebPWriteParam webp) {
                    webp.setCompressionType(CompressionType.Lossy);
                    webp.setMethod(WEBP_METHOD);
                }
                param.setCompressionQuality(quality);
            }
            // pixels only, no metadata: nothing of the original's EXIF, GPS or XMP is written
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
