package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The protective headers and cookie attributes on every kind of response, seen over real HTTP. */
class SecurityHeadersTests extends LiveSiteSupport {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html,application/xhtml+xml,text/css,*/*");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> cookies(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .toList();
    }

    @Test
    void aFreshReaderOfALongArticleGetsTheCsrfCookieItsCommentFormNeeds() throws Exception {
        HttpResponse<String> article = get(LONG_ARTICLE);

        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body().length()).as("longer than a response buffer").isGreaterThan(32 * 1024);
        assertThat(Jsoup.parse(article.body()).select("#respond input[name=_csrf]"))
                .isNotEmpty();
        assertThat(cookies(article, "XSRF-TOKEN"))
                .as("the token in the form is useless without its cookie")
                .hasSize(1);
    }
}
