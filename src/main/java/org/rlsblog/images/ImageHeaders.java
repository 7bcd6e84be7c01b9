package org.rlsblog.images;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's header, never its pixels: the format (from the bytes, not the name), width,
 * height and EXIF orientation. This is what lets a page show an image's size before any variant
 * exists, and lets a decompression bomb be refused before it is decoded.
 */
final class ImageHeaders {

    private static final int MIN_ORIENTATION = 1;
    private static final int MAX_ORIENTATION = 8;

    private ImageHeaders() {}

    /** @throws IOException when the file is not an image the site reads, or its header is broken */
    static ImageHeader read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot be opened");
            }
            ImageReader reader = reader(in);
            try {
                String format = format(reader.getFormatName());
                reader.setInput(in, false, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int orientation = MIN_ORIENTATION;
                if (format.equals("jpeg")) {
                    in.seek(0);
                    orientation = exifOrientation(in);
                }
                // a GIF's frames are counted from their headers, without decoding them
                boolean animated = format.equals("gif") && reader.getNumImages(true) > 1;
                return new ImageHeader(format, width, height, orientation, animated);
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            // readers throw unchecked exceptions on some damaged headers
            throw new IOException("its header is damaged (" + e + ")", e);
        }
    }

    /** The first reader that recognises the bytes. */
    static ImageReader reader(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("it is not a JPEG, PNG, GIF or WebP image");
        }
        return readers.next();
    }

    /** A format name as readers give it, made one word: jpeg, png, gif, webp. */
    static String format(String readerFormat) {
        String name = readerFormat.toLowerCase(Locale.ROOT);
        return name.equals("jpg") ? "jpeg" : name;
    }

    /** The formats a file name's extension stands for. */
    static String formatOfExtension(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "jpg", "jpeg" -> "jpeg";
            default -> extension.toLowerCase(Locale.ROOT);
        };
    }

    private static int exifOrientation(ImageInputStream in) throws IOException {
        for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
            byte[] data;
            try (InputStream stream = segment.data()) {
                data = stream.readAllBytes();
            }
            // "Exif" is followed by two zero bytes; the segment's data starts after the first
            int start = data.length > 0 && data[0] == 0 ? 1 : 0;
            try (ImageInputStream exif =
                    ImageIO.createImageInputStream(new ByteArrayInputStream(data, start, data.length - start))) {
                Directory directory = new TIFFReader().read(exif);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number number) {
                    int orientation = number.intValue();
                    return orientation >= MIN_ORIENTATION && orientation <= MAX_ORIENTATION
                            ? orientation
                            : MIN_ORIENTATION;
                }
            } catch (IOException | RuntimeException e) {
                return MIN_ORIENTATION; // unreadable EXIF: show the image as stored
            }
        }
        return MIN_ORIENTATION;
    }
}
