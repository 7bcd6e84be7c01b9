package org.rlsblog.images;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.IFD;
import com.twelvemonkeys.imageio.metadata.tiff.Rational;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Images made in the tests: photos, EXIF with GPS and orientation, and hostile files. Never downloaded. */
public final class TestImages {

    /** A camera serial number written into EXIF: it must not reach a variant. */
    public static final String SERIAL = "SERIAL-4711-PATIENT";

    private TestImages() {}

    /** A picture with a left half red and a right half blue, so that orientation can be checked. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** Something like a photo: smooth shapes and a little grain, so that it compresses as photos do. */
    public static BufferedImage photo(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        double fx = 2 + random.nextDouble() * 4;
        double fy = 2 + random.nextDouble() * 4;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                int grain = random.nextInt(17) - 8;
                int r = clamp(128 + 100 * Math.sin(fx * u * Math.PI + v) + grain);
                int gr = clamp(110 + 90 * Math.cos(fy * v * Math.PI - u) + grain);
                int b = clamp(90 + 80 * Math.sin((u + v) * fx) + grain);
                row[x] = r << 16 | gr << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** A GIF of the given frames: one frame is a still picture, more make an animation. */
    public static byte[] gif(BufferedImage... frames) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (BufferedImage frame : frames) {
                    writer.writeToSequence(new IIOImage(frame, null, null), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture in a 256-colour palette whose first entry is transparent, as GIFs with a clear background are. */
    public static BufferedImage transparentHalves(int width, int height) {
        byte[] red = {0, (byte) 255, 0};
        byte[] green = {0, 0, 0};
        byte[] blue = {0, 0, (byte) 255};
        IndexColorModel palette = new IndexColorModel(8, 3, red, green, blue, 0);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, y < height / 2 ? 0 : x < width / 2 ? 1 : 2);
            }
        }
        return image;
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG with an EXIF segment (APP1) right after its start: the orientation, a camera serial
     * number and, when asked, a GPS position (52°22' N, 4°53' E).
     */
    public static byte[] withExif(byte[] jpeg, int orientation, boolean gps) {
        try {
            List<Entry> entries = new ArrayList<>();
            entries.add(new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, (short) orientation));
            entries.add(new TIFFEntry(TIFF.TAG_MAKE, "TestCam"));
            entries.add(new TIFFEntry(TIFF.TAG_SOFTWARE, SERIAL));
            if (gps) {
                entries.add(new TIFFEntry(
                        TIFF.TAG_GPS_IFD,
                        TIFF.TYPE_LONG,
                        new IFD(List.of(
                                new TIFFEntry(1, "N"),
                                new TIFFEntry(2, new Rational[] {new Rational(52), new Rational(22), new Rational(0)}),
                                new TIFFEntry(3, "E"),
                                new TIFFEntry(
                                        4, new Rational[] {new Rational(4), new Rational(53), new Rational(0)})))));
            }
            ByteArrayOutputStream tiff = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(tiff)) {
                new TIFFWriter().write(entries, out);
            }
            byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.toByteArray());
            int length = exif.length + 2;
            byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, exif);
            byte[] out = new byte[jpeg.length + segment.length];
            System.arraycopy(jpeg, 0, out, 0, 2);
            System.arraycopy(segment, 0, out, 2, segment.length);
            System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG that carries an ICC profile (an APP2 segment after its JFIF header): its pixel values
     * mean the colours of that profile's space, not sRGB's.
     */
    public static byte[] withIccProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] data = profile.getData();
        byte[] marker = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + marker.length + 2 + data.length;
        byte[] segment = concat(
                concat(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length}, marker),
                concat(new byte[] {1, 1}, data));
        int at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF)); // after SOI and APP0
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, at);
        System.arraycopy(segment, 0, out, at, segment.length);
        System.arraycopy(jpeg, at, out, at + segment.length, jpeg.length - at);
        return out;
    }

    /**
     * A decompression bomb: a valid PNG of {@code side} × {@code side} black pixels (one bit each),
     * a few hundred KB on disk and gigabytes once decoded. One deflate block of a hundred rows is
     * written once and repeated, so making it costs little.
     */
    public static byte[] pngBomb(int side) {
        int rowsPerBlock = 100;
        if (side % rowsPerBlock != 0) {
            throw new IllegalArgumentException("side must be a multiple of " + rowsPerBlock);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = new byte[13];
        putInt(header, 0, side);
        putInt(header, 4, side);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        chunk(png, "IHDR", header);
        int rowBytes = 1 + (side + 7) / 8; // the filter byte, then the bits
        byte[] block = deflated(new byte[rowBytes * rowsPerBlock], Deflater.SYNC_FLUSH);
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        zlib.writeBytes(new byte[] {0x78, (byte) 0xDA});
        for (int i = 0; i < side / rowsPerBlock; i++) {
            zlib.writeBytes(block);
        }
        zlib.writeBytes(deflated(new byte[0], Deflater.FULL_FLUSH + 100)); // the final, empty block
        long total = (long) rowBytes * side;
        byte[] adler = new byte[4];
        putInt(adler, 0, (int) ((total % 65521) << 16 | 1)); // Adler-32 of zeros: a = 1, b = length
        zlib.writeBytes(adler);
        chunk(png, "IDAT", zlib.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** Raw deflate of {@code input}: with SYNC_FLUSH a byte-aligned block that more may follow; else the last. */
    private static byte[] deflated(byte[] input, int flush) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        deflater.setInput(input);
        if (flush == Deflater.SYNC_FLUSH) {
            int n;
            while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
                out.write(buffer, 0, n);
            }
        } else {
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, value));
    }
}
