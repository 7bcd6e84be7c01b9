package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.rlsblog.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * One running application on {@link TestSite}, shared by the HTTP test classes that extend this
 * (Spring caches the context because the configuration is identical). MockMvc for most checks; a
 * real HTTP client where the servlet container matters (error pages, path normalization).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no search rate limit, and time enough for a search on a busy machine (SearchRateLimitTests and
        // SearchIndexTests test both limits)
        properties = {"blog.watch=false", "blog.search.searches-per-minute=0", "blog.search.time-limit=1m"})
@AutoConfigureMockMvc
@Import(TestClock.InContext.class)
public abstract class SiteTestSupport {

    /** "Now" for the shared app: 1 June 2025, noon UTC, unless a test moves it (and moves it back). */
    protected static final Instant NOW = TestClock.NOW;

    @Autowired
    protected TestClock clock;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    protected MockMvcTester mvc;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> TestSite.contentDir().toString());
        registry.add("blog.data-dir", () -> TestSite.dataDir().toString());
    }

    /** The site's own 404 page: HTML in the layout, with a way back home. */
    protected static void assertNotFoundPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("main.error-page h1").text()).isIn("Page not found", "Pagina niet gevonden");
        assertThat(page.select("header.site-header a.site-title")).isNotEmpty();
        assertThat(page.select("footer.site-footer")).isNotEmpty();
        assertThat(page.select("main a[href=/]")).isNotEmpty();
    }

    /** A real request to the running server, sent as a browser would (path sent as written). */
    protected HttpResponse<String> browse(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
