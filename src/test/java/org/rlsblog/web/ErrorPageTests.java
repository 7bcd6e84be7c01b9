package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error a reader or a crawler can meet is the site's own HTML page, in its layout, with the
 * right status: whatever the client accepts, whether Tomcat or the application refused the
 * request, and with no link that leaves the site, whatever the address asked for.
 */
class ErrorPageTests extends LiveSiteSupport {

    /** The site's base URL (the default {@code blog.base-url}): absolute links start with it. */
    private static final String SITE = "http://localhost:8080";

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** Sends a GET byte for byte (chars up to U+00FF as one byte), as no client library would. */
    Answer get(String target, String accept) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = "GET " + target + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n"
                    + (accept.isEmpty() ? "" : "Accept: " + accept + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (SocketException reset) {
                // what arrived before the reset is the answer
            }
            String response = received.toString(StandardCharsets.UTF_8);
            assertThat(response).as("an HTTP answer to %s", target).startsWith("HTTP/1.");
            int split = response.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : response.substring(0, Math.max(split, 0)).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            return new Answer(
                    Integer.parseInt(response.substring(9, 12)),
                    headers,
                    split < 0 ? "" : response.substring(split + 4));
        }
    }

    /** The site's error page: HTML in the layout, no inline style (the CSP forbids it), a way home. */
    static Document assertSitesErrorPage(Answer answer, String request) {
        assertThat(answer.header("Content-Type")).as("type of %s", request).startsWith("text/html");
        assertThat(answer.header("Content-Security-Policy"))
                .as("CSP of %s", request)
                .contains("default-src 'self'");
        assertThat(answer.body())
                .as("body of %s", request)
                .doesNotContain("<style", "style=", "Tomcat", "HTTP Status", "Exception", "\"timestamp\"");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("main.error-page h1").text())
                .as("heading of %s", request)
                .isNotBlank();
        assertThat(page.select("header.site-header a.site-title"))
                .as("header of %s", request)
                .isNotEmpty();
        assertThat(page.select("footer.site-footer"))
                .as("footer of %s", request)
                .isNotEmpty();
        assertThat(page.select("main a[href=/]"))
                .as("way home from %s", request)
                .isNotEmpty();
        return page;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example/phish",
                "//evil.example/phish?lang=nl&page=2",
                "//evil.example",
                "/\\evil.example/phish",
                "/%5Cevil.example/phish",
                "/%2F%2Fevil.example/phish",
                "/posts//evil.example"
            })
    void keepsEveryLinkOfAnErrorPageOnTheSite(String target) throws IOException {
        Answer answer = get(target, "text/html");

        assertThat(answer.status()).as("status of %s", target).isBetween(400, 499);
        Document page = assertSitesErrorPage(answer, target);
        for (Element element : page.select("[href], [src], [action], meta[property=og:url]")) {
            for (String name : new String[] {"href", "src", "action", "content"}) {
                if (element.hasAttr(name)) {
                    assertOnSite(element.attr(name), "%s of <%s> on the page for %s", name, element.tagName(), target);
                }
            }
        }
        if (target.startsWith("//") || target.startsWith("/\\")) {
            assertThat(page.select("nav.language-switch a").eachAttr("href")).containsExactly("/?lang=en", "/?lang=nl");
        }
    }

    /** A path on this site, or an absolute address on its base URL: never another host. */
    private static void assertOnSite(String link, String description, Object... args) {
        String path = link.startsWith(SITE) ? link.substring(SITE.length()) : link;
        assertThat(path)
                .as(description, args)
                .matches("/(?![/\\\\]).*|#.*")
                .doesNotContain("\\")
                .doesNotContainPattern("\\p{Cntrl}|\\s");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/posts/..%2f..%2fetc%2fpasswd",
                "/posts/%2e%2e/%2e%2e/etc/passwd",
                "/posts/%zz",
                "/posts/{x}",
                "/posts/a|b",
                "/posts/\u00ff"
            })
    void answersARequestTomcatRefusesWithTheSitesOwnPage(String target) throws IOException {
        Answer answer = get(target, "text/html");

        assertThat(answer.status()).as("status of %s", target).isEqualTo(400);
        Document page = assertSitesErrorPage(answer, target);
        assertThat(page.select("main.error-page h1").text()).isEqualTo("That request could not be handled");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/posts/no-such-post | */*              | 404",
                "/posts/no-such-post | application/json | 404",
                "/posts/no-such-post | ''               | 404",
                "/?page=abc          | */*              | 400",
                "/tags/no-such-tag   | */*              | 404",
                "/feed.atom/x        | */*              | 404",
                "/error              | */*              | 404"
            })
    void answersEveryClientWithTheHtmlPageWhateverItAccepts(String target, String accept, int status)
            throws IOException {
        Answer answer = get(target, accept);

        assertThat(answer.status())
                .as("status of %s (Accept: %s)", target, accept)
                .isEqualTo(status);
        assertSitesErrorPage(answer, target + " (Accept: " + accept + ")");
    }
}
