package org.rlsblog.pagecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A stored page compressed once: its fixed parts are deflated when stored, and each answer puts
 * its own values (a CSRF token, a form's signed time) between them as uncompressed deflate blocks,
 * giving one ordinary gzip stream. Not Tomcat's {@code server.compression}: browsers always ask for
 * gzip, and compressing each answer afresh cost more than all else the server does for a stored page.
 */
final class SplicedGzip {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff};
    private static final int STORED_BLOCK_HEADER = 5;
    private static final int TRAILER = 8;
    private static final int MAX_STORED_BLOCK = 65_535;
    /** An estimate of what each compressed part costs besides its bytes, for the store's weight. */
    private static final int SEGMENT_OVERHEAD = 16;

    private static final int DEFLATE_BUFFER = 16 * 1024;
    /** A first guess at the compressed size, a third of the page plus slack, spares most copying. */
    private static final int EXPECTED_RATIO = 3;

    private static final int EXPECTED_SLACK = 64;

    private final byte[][] parts;
    private final byte[][] segments;
    private final int compressedLength;
    /** The trailer of a page without per-answer values, which is the same for every answer. */
    private final byte[] fixedTrailer;

    private SplicedGzip(byte[][] parts, byte[][] segments) {
        this.parts = parts;
        this.segments = segments;
        int length = 0;
        for (byte[] segment : segments) {
            length += segment.length;
        }
        this.compressedLength = length;
        this.fixedTrailer = parts.length == 1 ? trailer(parts) : null;
    }

    /** Compresses the fixed parts of a page; answers put one value between each two of them. */
    static SplicedGzip of(byte[][] parts) {
        byte[][] segments = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            segments[i] = deflate(parts[i], i == parts.length - 1);
        }
        return new SplicedGzip(parts, segments);
    }

    /** How much memory this holds, for the cache's weight. */
    int size() {
        return compressedLength + SEGMENT_OVERHEAD * segments.length;
    }

    /** The length of the answer for these per-answer values (one fewer than the parts). */
    int length(byte[]... values) {
        int length = HEADER.length + compressedLength + TRAILER;
        for (byte[] value : values) {
            length += STORED_BLOCK_HEADER * Math.max(1, (value.length + MAX_STORED_BLOCK - 1) / MAX_STORED_BLOCK);
            length += value.length;
        }
        return length;
    }

    /** Writes the gzip stream of the page with {@code values[i]} between its parts {@code i} and {@code i + 1}. */
    void writeTo(OutputStream out, byte[]... values) throws IOException {
        if (values.length != segments.length - 1) {
            throw new IllegalArgumentException("a value goes between each two parts");
        }
        out.write(HEADER);
        for (int i = 0; i < segments.length; i++) {
            out.write(segments[i]);
            if (i < values.length) {
                writeStoredBlocks(out, values[i]);
            }
        }
        out.write(fixedTrailer != null ? fixedTrailer : trailer(parts, values));
    }

    /** The gzip trailer: the checksum and length of the parts with the values between them. */
    private static byte[] trailer(byte[][] parts, byte[]... values) {
        CRC32 crc = new CRC32();
        long uncompressed = 0;
        for (int i = 0; i < parts.length; i++) {
            crc.update(parts[i]);
            uncompressed += parts[i].length;
            if (i < values.length) {
                crc.update(values[i]);
                uncompressed += values[i].length;
            }
        }
        int sum = (int) crc.getValue();
        int length = (int) uncompressed;
        return new byte[] {
            (byte) sum, (byte) (sum >>> 8), (byte) (sum >>> 16), (byte) (sum >>> 24),
            (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)
        };
    }

    /** Deflates {@code data} on its own; unless it is the last part, ends on a byte boundary with more to come. */
    private static byte[] deflate(byte[] data, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / EXPECTED_RATIO + EXPECTED_SLACK);
            byte[] buffer = new byte[DEFLATE_BUFFER];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int written;
                do {
                    written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, written);
                } while (written == buffer.length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** {@code value} as uncompressed deflate blocks (not the last block of the stream). */
    private static void writeStoredBlocks(OutputStream out, byte[] value) throws IOException {
        int offset = 0;
        do {
            int length = Math.min(MAX_STORED_BLOCK, value.length - offset);
            out.write(0); // BFINAL 0, BTYPE 00 (stored); we are on a byte boundary
            out.write(length & 0xff);
            out.write((length >>> 8) & 0xff);
            out.write(~length & 0xff);
            out.write((~length >>> 8) & 0xff);
            out.write(value, offset, length);
            offset += length;
        } while (offset < value.length);
    }
}
