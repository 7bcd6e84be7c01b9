package org.rlsblog.pagecache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import org.apache.tomcat.util.http.parser.AcceptEncoding;

/**
 * Answers a request from a stored page: its stored and caching headers, a 304 when the client's
 * copy is still the page, else the body, gzipped when the client takes it, with fresh tokens
 * written into an article.
 */
final class StoredPageWriter {

    private static final byte[][] NO_VALUES = new byte[0][];

    private final AnswerTokens tokens;

    StoredPageWriter(AnswerTokens tokens) {
        this.tokens = tokens;
    }

    void answer(StoredPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        page.headers().sendWith(response);
        page.caching().sendWith(response);
        if (page.caching().matches(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        if (page.language() != null) {
            response.setLocale(page.language());
        }
        PageBody body = page.body();
        byte[][] values = body.takesAnswerValues() ? tokens.forAnswer(request, response) : NO_VALUES;
        ServletOutputStream out = response.getOutputStream();
        if (acceptsGzip(request)) {
            // Content-Encoding set here also keeps Tomcat from compressing the answer again
            response.setHeader("Content-Encoding", "gzip");
            sizeFor(response, body.gzipLength(values));
            body.writeGzipTo(out, values);
        } else {
            sizeFor(response, body.length(values));
            body.writeTo(out, values);
        }
    }

    private static void sizeFor(HttpServletResponse response, int length) {
        response.setBufferSize(Math.min(length, PageCacheFilter.LARGEST_RESPONSE_BUFFER));
        response.setContentLength(length);
    }

    /** Whether the client takes gzip: named (or {@code *}) with a quality above zero, and not refused. */
    private static boolean acceptsGzip(HttpServletRequest request) {
        String header = String.join(", ", Collections.list(request.getHeaders("Accept-Encoding")));
        if (header.isEmpty()) {
            return false;
        }
        try {
            boolean gzip = false;
            boolean anyOther = false;
            for (AcceptEncoding encoding : AcceptEncoding.parse(new StringReader(header))) {
                if (encoding.getEncoding().equalsIgnoreCase("gzip")
                        || encoding.getEncoding().equalsIgnoreCase("x-gzip")) {
                    if (encoding.getQuality() <= 0) {
                        return false;
                    }
                    gzip = true;
                } else if (encoding.getEncoding().equals("*") && encoding.getQuality() > 0) {
                    anyOther = true;
                }
            }
            return gzip || anyOther;
        } catch (IOException malformed) {
            return false;
        }
    }
}
