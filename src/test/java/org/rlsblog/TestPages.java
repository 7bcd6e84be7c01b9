package org.rlsblog;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What a MockMvc answer carries: its text, or the page parsed, for tests that look into the HTML. */
public final class TestPages {

    private TestPages() {}

    /** The answer's body, as UTF-8 unless the response names another character set. */
    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Document html(MvcTestResult result) {
        return Jsoup.parse(body(result));
    }
}
