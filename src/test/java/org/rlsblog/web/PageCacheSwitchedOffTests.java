package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rlsblog.pagecache.PageCacheFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code blog.site.page-cache-size=0} switches the page cache off, and the site answers as before. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"blog.watch=false", "blog.site.page-cache-size=0"})
class PageCacheSwitchedOffTests {

    @LocalServerPort
    int port;

    @Autowired
    FilterRegistrationBean<PageCacheFilter> pageCache;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("rls-blog-no-page-cache");
        registry.add("blog.content-dir", () -> TestSite.contentDir().toString());
        registry.add("blog.data-dir", data::toString);
    }

    @Test
    void servesTheArticleWithItsFormWithoutThePageCache() throws Exception {
        assertThat(pageCache.isEnabled()).as("the page cache's filter").isFalse();

        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> article = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/posts/rls-and-liver-diseases"))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(article.body()).select("#respond input[name=_csrf]"))
                    .isNotEmpty();
        }
    }
}
