package org.rlsblog.content;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An article's rendered HTML, kept deflated (UTF-8, then zlib's fastest level): every post's HTML
 * is held for as long as the site runs but read only when a page that shows it is made, so it is
 * kept small rather than quick to read. {@link #toString()} gives the HTML.
 */
public final class Html {

    /** Deflate shrinks at most about 1,000 to 1: a length past this many times the bytes is damage, not HTML. */
    private static final long MAX_INFLATION = 1100L;

    /** Room for the few bytes that deflate adds even to the shortest input. */
    private static final int SLACK = 64;

    private static final int CHUNK_SIZE = 8192;

    private final byte[] deflated;
    private final int length;

    private Html(byte[] deflated, int length) {
        this.deflated = deflated;
        this.length = length;
    }

    public static Html of(String html) {
        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 2 + SLACK);
            byte[] buffer = new byte[CHUNK_SIZE];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new Html(out.toByteArray(), utf8.length);
        } finally {
            deflater.end();
        }
    }

    /**
     * HTML as {@link #deflated()} and {@link #length()} gave it. The render cache keeps it so, and
     * checks its files' checksums: the bytes are not inflated here, which would slow a restart.
     */
    static Html ofDeflated(byte[] deflated, int length) {
        if (length < 0 || length > MAX_INFLATION * deflated.length + SLACK) {
            throw new IllegalArgumentException("deflated HTML of " + length + " bytes is damaged");
        }
        return new Html(deflated, length); // the caller's own array (read from a file), not copied
    }

    /** The HTML's UTF-8 bytes, deflated without a zlib header (raw deflate); not a copy: only read it. */
    byte[] deflated() {
        return deflated;
    }

    /** How many bytes the HTML takes as UTF-8. */
    int length() {
        return length;
    }

    private byte[] utf8() {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] utf8 = new byte[length];
            int filled = 0;
            while (filled < length) {
                int n = inflater.inflate(utf8, filled, length - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            if (filled != length || !finishedAfter(inflater)) {
                throw new IllegalArgumentException("deflated HTML of " + length + " bytes is damaged");
            }
            return utf8;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("deflated HTML is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Whether the stream ends where the HTML does (with raw deflate, zlib may need one more call to see its end). */
    private static boolean finishedAfter(Inflater inflater) throws DataFormatException {
        if (!inflater.finished() && inflater.inflate(new byte[1]) != 0) {
            return false; // more HTML than the length said
        }
        return inflater.finished() && inflater.getRemaining() == 0;
    }

    @Override
    public String toString() {
        return new String(utf8(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Html html && length == html.length && Arrays.equals(utf8(), html.utf8());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8());
    }
}
