package org.rlsblog.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.body;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.rlsblog.SeoSiteTestSupport;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SitemapControllerTests extends SeoSiteTestSupport {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Test
    void listsEveryPublishedPostPageAndTagPageWithItsLastChange() {
        MvcTestResult result = mvc.get().uri("/sitemap.xml").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/xml");
        Map<String, String> urls = urls(result);
        assertThat(urls)
                .containsKeys(
                        BASE_URL + "/",
                        BASE_URL + "/archive",
                        BASE_URL + "/posts/" + SEED_SLUG,
                        BASE_URL + "/posts/" + REVIEWED_SLUG,
                        BASE_URL + "/posts/" + DUTCH_SLUG,
                        BASE_URL + "/posts/magnesium-note-01",
                        BASE_URL + "/posts/magnesium-note-12",
                        BASE_URL + "/about",
                        BASE_URL + "/disclaimer",
                        BASE_URL + "/privacy",
                        BASE_URL + "/tags/rls",
                        BASE_URL + "/tags/iron",
                        BASE_URL + "/tags/traditional-chinese-medicine",
                        BASE_URL + "/tags/beweging");
        assertThat(urls.keySet().stream().filter(u -> u.contains("/posts/"))).hasSize(4 + MAGNESIUM_POSTS);
        assertThat(urls.get(BASE_URL + "/posts/" + REVIEWED_SLUG)).isEqualTo("2025-04-02T10:30:00+02:00");
        assertThat(urls.get(BASE_URL + "/tags/iron")).isEqualTo("2025-04-02T10:30:00+02:00");
        assertThat(urls.entrySet())
                .filteredOn(e -> e.getKey().contains("/posts/") || e.getKey().contains("/tags/"))
                .allSatisfy(e -> assertThat(OffsetDateTime.parse(e.getValue()))
                        .as(e.getKey())
                        .isNotNull());
    }

    @Test
    void neverListsDraftsScheduledPostsOrAdminPages() {
        String sitemap = body(mvc.get().uri("/sitemap.xml").exchange());

        assertThat(sitemap)
                .doesNotContain(DRAFT_SLUG, "draft-only", SCHEDULED_SLUG, "future-only", "/admin", "/search");
    }

    @Test
    void listsAScheduledPostOnceTheClockHasPassedItsDate() {
        at(
                SCHEDULED_AT.plusSeconds(1),
                () -> assertThat(urls(mvc.get().uri("/sitemap.xml").exchange()))
                        .containsKeys(BASE_URL + "/posts/" + SCHEDULED_SLUG, BASE_URL + "/tags/future-only"));

        assertThat(body(mvc.get().uri("/sitemap.xml").exchange())).doesNotContain(SCHEDULED_SLUG);
    }

    @Test
    void pointsRobotsAtTheAbsoluteSitemapAndKeepsThemOutOfTheAdminArea() {
        MvcTestResult result = mvc.get().uri("/robots.txt").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/plain");
        assertThat(body(result).lines())
                .contains("User-agent: *", "Disallow: /admin/", "Sitemap: " + BASE_URL + "/sitemap.xml");
    }

    /** Each {@code <loc>} with its {@code <lastmod>} ("" when it has none), in document order. */
    private static Map<String, String> urls(MvcTestResult result) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element urlset = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))
                    .getDocumentElement();
            assertThat(urlset.getLocalName()).isEqualTo("urlset");
            assertThat(urlset.getNamespaceURI()).isEqualTo(NS);
            Map<String, String> urls = new LinkedHashMap<>();
            NodeList nodes = urlset.getElementsByTagNameNS(NS, "url");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element url = (Element) nodes.item(i);
                String loc = url.getElementsByTagNameNS(NS, "loc").item(0).getTextContent();
                NodeList lastmod = url.getElementsByTagNameNS(NS, "lastmod");
                assertThat(urls.put(
                                loc,
                                lastmod.getLength() == 0 ? "" : lastmod.item(0).getTextContent()))
                        .as("listed twice: %s", loc)
                        .isNull();
            }
            return urls;
        } catch (Exception e) {
            throw new AssertionError("not a readable sitemap: " + e, e);
        }
    }
}
