package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Style sheets are linked under a fingerprinted address that browsers keep for a year, and only
 * {@code /css/**}, {@code /js/**} (and the author's {@code /media/**}) are resource paths: with a resource
 * handler on {@code /**}, every link a template writes was looked up in every jar of the classpath
 * (a search results page answered 56 requests a second instead of 730).
 */
class StaticResourceTests extends LiveSiteSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void styleSheetsAreLinkedFingerprintedAndKeptForAYear() throws Exception {
        String home = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url("/"))).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String href = Jsoup.parse(home).select("link[rel=stylesheet]").first().attr("href");
        assertThat(href).matches("/css/site-[0-9a-f]{32}\\.css");

        HttpResponse<String> css =
                HTTP.send(HttpRequest.newBuilder(URI.create(url(href))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
        assertThat(css.body()).contains("{");
    }

    @Test
    void onlyStyleSheetsScriptsAndMediaAreResourcePaths() {
        assertThat(resourceUrls.getHandlerMap().keySet())
                .allSatisfy(pattern -> assertThat(pattern).matches("/(css|js|media|webjars)/.*"))
                .isNotEmpty();
        assertThat(resourceUrls.getForLookupPath("/posts/rls-and-liver-diseases"))
                .isNull();
    }
}
