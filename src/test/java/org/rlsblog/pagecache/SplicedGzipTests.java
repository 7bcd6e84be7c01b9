package org.rlsblog.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A stored page's gzip form, with per-answer values spliced in, reads back as the whole page. */
class SplicedGzipTests {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

    private static byte[] answer(SplicedGzip gzip, byte[]... values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        gzip.writeTo(out, values);
        byte[] answer = out.toByteArray();
        assertThat(answer).hasSize(gzip.length(values));
        return answer;
    }

    @Test
    void aPageWithTwoPerAnswerValuesReadsBackWhole() throws IOException {
        String page = "<html><body>" + "<p>Restless legs and the liver, again and again.</p>".repeat(400);
        byte[][] parts = {
            bytes(page + "<input name=\"_csrf\" value=\""),
            bytes("\"/><input name=\"formToken\" value=\""),
            bytes("\"/></form>" + page)
        };
        SplicedGzip gzip = SplicedGzip.of(parts);
        byte[] csrf = bytes("Zm9vYmFyLXRva2VuLTEyMzQ1Njc4OTA=");
        byte[] form = bytes("1764633600000.abcdef0123456789");

        byte[] answer = answer(gzip, csrf, form);

        assertThat(gunzip(answer)).isEqualTo(concat(parts[0], csrf, parts[1], form, parts[2]));
        assertThat(answer.length).as("compressed").isLessThan(concat(parts).length / 10);
    }

    @Test
    void eachAnswerCarriesItsOwnValues() throws IOException {
        byte[][] parts = {bytes("before "), bytes(" between "), bytes(" after")};
        SplicedGzip gzip = SplicedGzip.of(parts);

        assertThat(new String(gunzip(answer(gzip, bytes("one"), bytes("two"))), StandardCharsets.UTF_8))
                .isEqualTo("before one between two after");
        assertThat(new String(gunzip(answer(gzip, bytes("three"), bytes("four"))), StandardCharsets.UTF_8))
                .isEqualTo("before three between four after");
    }

    @Test
    void aPageWithoutValuesIsPlainGzipWithTheChecksumItKeeps() throws IOException {
        byte[][] parts = {bytes("<feed>" + "<entry>liver</entry>".repeat(1000) + "</feed>")};
        SplicedGzip gzip = SplicedGzip.of(parts);

        // GZIPInputStream checks the trailer's checksum and length
        assertThat(gunzip(answer(gzip))).isEqualTo(parts[0]);
        assertThat(gunzip(answer(gzip))).as("answered again").isEqualTo(parts[0]);
    }

    @Test
    void emptyPartsEmptyValuesAndValuesLongerThanOneStoredBlock() throws IOException {
        byte[][] parts = {new byte[0], new byte[0], new byte[0]};
        byte[] big = new byte[200_000];
        new Random(3).nextBytes(big);

        assertThat(gunzip(answer(SplicedGzip.of(parts), new byte[0], new byte[0])))
                .isEmpty();
        assertThat(gunzip(answer(SplicedGzip.of(parts), big, bytes("x")))).isEqualTo(concat(big, bytes("x")));
    }

    @Test
    void incompressiblePartsLongerThanTheDeflateBuffer() throws IOException {
        byte[] noise = new byte[100_000];
        new Random(5).nextBytes(noise);
        byte[][] parts = {noise, noise.clone(), bytes("end")};

        byte[] answer = answer(SplicedGzip.of(parts), bytes("a"), bytes("b"));

        assertThat(gunzip(answer)).isEqualTo(concat(noise, bytes("a"), noise, bytes("b"), bytes("end")));
    }
}
