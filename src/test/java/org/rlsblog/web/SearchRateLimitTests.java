package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The search rate per client (an IPv4 address, an IPv6 /64), in an application of its own that
 * allows three searches a minute, without the page cache, so that every search reaches the index.
 */
@SpringBootTest(
        properties = {
            "blog.watch=false",
            "blog.content-dir=./content",
            "blog.site.page-cache-size=0",
            "blog.search.searches-per-minute=3"
        })
@AutoConfigureMockMvc
@Import(TestClock.InContext.class)
class SearchRateLimitTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestClock clock;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        try {
            Path data = Files.createTempDirectory("rls-blog-search-rate");
            registry.add("blog.data-dir", data::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void answersTheFourthSearchInAMinuteWith429AndKeepsTheQueryInTheBox() throws Exception {
        String client = "192.0.2." + SEQUENCE.incrementAndGet();
        for (int i = 1; i <= 3; i++) {
            assertThat(search(client, "liver" + i + "*")).as("search %d", i).hasStatusOk();
        }

        MvcTestResult refused = search(client, "iron & \"ferritin\" <b>");

        assertThat(refused).hasStatus(429);
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 60L);
        Document page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.select("#search-page-q").val()).isEqualTo("iron & \"ferritin\" <b>");
        assertThat(page.select("main [role=alert]").text()).contains("Too many searches");
        assertThat(page.select("ol.search-results")).isEmpty();
        assertThat(page.select("main b")).isEmpty();
    }

    @Test
    void answersLaterRefusalsWithTheSamePageAndTheirOwnWords() throws Exception {
        String client = "192.0.2." + SEQUENCE.incrementAndGet();
        for (int i = 1; i <= 3; i++) {
            search(client, "liver");
        }
        String words = "<script>alert(1)</script> & \"iron\"";

        Document first = Jsoup.parse(search(client, "calf cramps").getResponse().getContentAsString());
        MvcTestResult second = search(client, words);

        assertThat(second).hasStatus(429);
        Document page = Jsoup.parse(second.getResponse().getContentAsString());
        assertThat(page.select("#search-page-q").val()).isEqualTo(words);
        assertThat(page.select("h1").text()).isEqualTo("Search: " + words);
        assertThat(page.title()).startsWith("Search: " + words);
        assertThat(page.select("a[hreflang=nl]").attr("href"))
                .isEqualTo("/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8) + "&lang=nl");
        assertThat(page.select("script")).noneMatch(script -> script.data().contains("alert"));
        assertThat(page.html()).doesNotContain("calf cramps");
        assertThat(page.select("main [role=alert]").text())
                .isEqualTo(first.select("main [role=alert]").text());
        assertThat(page.select("footer form")).isEmpty();
        assertThat(second.getResponse().getHeader("Content-Security-Policy")).isNotBlank();
    }

    @Test
    void answersASearchRefusedForWantOfASlotWith503() throws Exception {
        MvcTestResult busy = mvc.get()
                .uri("/search")
                .param("q", "iron")
                .requestAttr(SearchRefusal.ATTRIBUTE, SearchRefusal.busy(1))
                .exchange();

        assertThat(busy).hasStatus(503);
        assertThat(busy.getResponse().getHeader("Retry-After")).isEqualTo("1");
        Document page = Jsoup.parse(busy.getResponse().getContentAsString());
        assertThat(page.select("#search-page-q").val()).isEqualTo("iron");
        assertThat(page.select("main [role=alert]").text()).contains("Many readers are searching right now");
        assertThat(page.select("ol.search-results")).isEmpty();
    }

    @Test
    void countsEveryAddressOfAnIpv6Slash64AsOneClient() {
        int net = SEQUENCE.incrementAndGet();
        for (int i = 1; i <= 3; i++) {
            assertThat(search("2001:db8:" + net + ":7::" + i, "liver")).hasStatusOk();
        }

        assertThat(search("2001:db8:" + net + ":7:ffff::1", "liver")).hasStatus(429);
        assertThat(search("2001:db8:" + net + ":8::1", "liver")).hasStatusOk();
    }

    @Test
    void letsTheClientSearchAgainOnceItWaited() {
        String client = "198.51.100." + SEQUENCE.incrementAndGet();
        for (int i = 1; i <= 3; i++) {
            search(client, "liver");
        }
        MvcTestResult refused = search(client, "liver");
        assertThat(refused).hasStatus(429);

        clock.advance(Duration.ofSeconds(Long.parseLong(refused.getResponse().getHeader("Retry-After"))));

        assertThat(search(client, "liver")).hasStatusOk();
    }

    @Test
    void countsNoEmptySearch() {
        String client = "203.0.113." + SEQUENCE.incrementAndGet();
        for (int i = 1; i <= 5; i++) {
            assertThat(search(client, "")).hasStatusOk();
        }
        assertThat(search(client, "liver")).hasStatusOk();
    }

    private MvcTestResult search(String client, String query) {
        return mvc.get()
                .uri("/search")
                .param("q", query)
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                })
                .exchange();
    }
}
