package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests for things the site does not have (a browser's {@code /favicon.ico}, bots probing for
 * WordPress) get the 404 page without a warning in the log each, and the pages name their icon
 * (served from {@code /css}) so that browsers do not ask for {@code /favicon.ico} at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotFoundLoggingTests extends LiveSiteSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownUrlsAre404sWithoutAWarningEach(CapturedOutput output) throws Exception {
        for (String path : new String[] {"/favicon.ico", "/wp-login.php", "/xmlrpc.php", "/no-such-page"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }

        assertThat(output.getAll()).doesNotContain("No mapping for GET").doesNotContain("No endpoint GET");
    }

    @Test
    void pagesNameTheirIconSoBrowsersDoNotAskForFaviconIco() throws Exception {
        String home = get("/").body();
        String icon = Jsoup.parse(home).select("head link[rel=icon]").attr("href");

        assertThat(icon).startsWith("/");
        HttpResponse<String> served = get(icon);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(served.body()).startsWith("<svg");
    }
}
