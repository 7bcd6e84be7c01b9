package org.rlsblog.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of one kept rendering: its fields in order, then a CRC32C checksum of them. The HTML
 * stays deflated as {@link Html} keeps it, and a file that does not read back whole is damaged.
 */
final class RenderingFormat {

    private static final int CHECKSUM_BYTES = Integer.BYTES;
    /** Room for everything but the HTML, so that the buffer seldom grows. */
    private static final int BYTES_BESIDES_HTML = 512;

    private RenderingFormat() {}

    static byte[] write(RenderedMarkdown rendered) throws IOException {
        byte[] html = rendered.html().deflated();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(html.length + BYTES_BESIDES_HTML);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(rendered.html().length());
        out.writeInt(html.length);
        out.write(html);
        out.writeInt(rendered.toc().size());
        for (TocEntry entry : rendered.toc()) {
            out.writeInt(entry.level());
            writeString(out, entry.id());
            writeString(out, entry.text());
        }
        writeString(out, rendered.firstParagraph());
        out.writeInt(rendered.words());
        out.writeInt(rendered.citations().size());
        for (String citation : rendered.citations()) {
            writeString(out, citation);
        }
        CRC32C checksum = new CRC32C();
        checksum.update(buffer.toByteArray());
        out.writeInt((int) checksum.getValue());
        return buffer.toByteArray();
    }

    /** @throws IOException when the bytes are damaged */
    static RenderedMarkdown read(byte[] bytes) throws IOException {
        if (bytes.length < CHECKSUM_BYTES) {
            throw new IOException("damaged: " + bytes.length + " bytes");
        }
        int length = bytes.length - CHECKSUM_BYTES;
        CRC32C checksum = new CRC32C();
        checksum.update(bytes, 0, length);
        if ((int) checksum.getValue()
                != ByteBuffer.wrap(bytes, length, CHECKSUM_BYTES).getInt()) {
            throw new IOException("damaged: checksum differs");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, length));
        int htmlLength = in.readInt();
        byte[] deflated = new byte[count(in)];
        in.readFully(deflated);
        Html html = Html.ofDeflated(deflated, htmlLength);
        int tocSize = count(in);
        List<TocEntry> toc = new ArrayList<>(tocSize);
        for (int i = 0; i < tocSize; i++) {
            toc.add(new TocEntry(in.readInt(), readString(in), readString(in)));
        }
        String firstParagraph = readString(in);
        int words = in.readInt();
        int citationCount = count(in);
        List<String> citations = new ArrayList<>(citationCount);
        for (int i = 0; i < citationCount; i++) {
            citations.add(readString(in));
        }
        if (in.available() != 0) {
            throw new IOException("damaged: bytes after the end");
        }
        return new RenderedMarkdown(html, List.copyOf(toc), firstParagraph, words, List.copyOf(citations));
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("damaged: a string of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A length or a number of items, which cannot be more than the bytes left. */
    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("damaged: a list of " + count);
        }
        return count;
    }
}
