package org.rlsblog.pagecache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored page's bytes, cut around the two values an article's comment form carries for one
 * answer only (the CSRF token, then the form's signed time), and its gzip form. A page with
 * neither is one part; a page with any other number of them, or in another order, is not stored,
 * since its values could not all be written fresh.
 */
final class PageBody {

    private static final String CSRF_FIELD = "name=\"_csrf\"";
    private static final String FORM_TOKEN_FIELD = "name=\"formToken\"";
    private static final Pattern CSRF_VALUE = Pattern.compile(CSRF_FIELD + " value=\"([^\"]*)\"");
    private static final Pattern FORM_TOKEN_VALUE = Pattern.compile(FORM_TOKEN_FIELD + " value=\"([^\"]*)\"");

    private final byte[][] parts;
    private final SplicedGzip gzip;

    private PageBody(byte[][] parts) {
        this.parts = parts;
        this.gzip = SplicedGzip.of(parts);
    }

    /** The page cut into parts, with one CSRF token and one form token between them, or neither. */
    static Optional<PageBody> cut(byte[] body) {
        String html = new String(body, StandardCharsets.UTF_8);
        Matcher csrf = CSRF_VALUE.matcher(html);
        Matcher formToken = FORM_TOKEN_VALUE.matcher(html);
        if (csrf.find() && formToken.find()) {
            if (csrf.end(1) > formToken.start(1) || csrf.find() || formToken.find()) {
                return Optional.empty();
            }
            csrf.reset().find();
            formToken.reset().find();
            return Optional.of(new PageBody(new byte[][] {
                html.substring(0, csrf.start(1)).getBytes(StandardCharsets.UTF_8),
                html.substring(csrf.end(1), formToken.start(1)).getBytes(StandardCharsets.UTF_8),
                html.substring(formToken.end(1)).getBytes(StandardCharsets.UTF_8)
            }));
        }
        if (html.contains(CSRF_FIELD) || html.contains(FORM_TOKEN_FIELD)) {
            return Optional.empty();
        }
        return Optional.of(new PageBody(new byte[][] {body}));
    }

    /** Whether each answer needs its own CSRF token and form token written into it. */
    boolean takesAnswerValues() {
        return parts.length > 1;
    }

    /** How much memory this holds, for the store's weight. */
    int size() {
        int size = gzip.size();
        for (byte[] part : parts) {
            size += part.length;
        }
        return size;
    }

    /** The length of the plain answer with {@code values} between the parts. */
    int length(byte[]... values) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        for (byte[] value : values) {
            length += value.length;
        }
        return length;
    }

    /** Writes the plain answer with {@code values[i]} between the parts {@code i} and {@code i + 1}. */
    void writeTo(OutputStream out, byte[]... values) throws IOException {
        for (int i = 0; i < parts.length; i++) {
            out.write(parts[i]);
            if (i < values.length) {
                out.write(values[i]);
            }
        }
    }

    /** The length of the gzip answer with {@code values} between the parts. */
    int gzipLength(byte[]... values) {
        return gzip.length(values);
    }

    /** Writes the gzip answer with {@code values} between the parts. */
    void writeGzipTo(OutputStream out, byte[]... values) throws IOException {
        gzip.writeTo(out, values);
    }
}
