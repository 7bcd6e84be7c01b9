package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rlsblog.SeoSiteTestSupport;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PageMetasTests extends SeoSiteTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEED_SUMMARY = "Chinese medicine sees the liver as an important cause of restless legs;"
            + " Western medicine looks at dopamine and iron. What the liver does, and why it may deserve a closer"
            + " look in RLS.";

    @Test
    void describesTheSeedArticleForSearchEnginesAndSharing() {
        Document page = page("/posts/" + SEED_SLUG);
        String url = BASE_URL + "/posts/" + SEED_SLUG;

        assertThat(page.title()).startsWith("RLS and Liver Diseases");
        assertThat(meta(page, "name", "description")).isEqualTo(SEED_SUMMARY);
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(meta(page, "property", "og:title")).isEqualTo("RLS and Liver Diseases");
        assertThat(meta(page, "property", "og:description")).isEqualTo(SEED_SUMMARY);
        assertThat(meta(page, "property", "og:url")).isEqualTo(url);
        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(instant(meta(page, "property", "article:published_time")))
                .isEqualTo(Instant.parse("2023-03-14T08:00:00Z"));
        assertThat(instant(meta(page, "property", "article:modified_time")))
                .isEqualTo(Instant.parse("2023-03-14T08:00:00Z"));
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
        assertThat(meta(page, "name", "twitter:title")).isEqualTo("RLS and Liver Diseases");
        assertThat(page.select("meta[property=og:image]")).isEmpty();
    }

    @Test
    void givesTheSeedArticleJsonLdOfABlogPostingOnAMedicalWebPage() {
        JsonNode page = jsonLd(page("/posts/" + SEED_SLUG));

        assertThat(page.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(page.get("@type").asString()).isEqualTo("MedicalWebPage");
        assertThat(page.get("inLanguage").asString()).isEqualTo("en");
        JsonNode article = page.get("mainEntity");
        assertThat(article.get("@type").asString()).isEqualTo("BlogPosting");
        assertThat(article.get("headline").asString()).isEqualTo("RLS and Liver Diseases");
        assertThat(article.get("description").asString()).isEqualTo(SEED_SUMMARY);
        assertThat(instant(article.get("datePublished").asString())).isEqualTo(Instant.parse("2023-03-14T08:00:00Z"));
        assertThat(instant(article.get("dateModified").asString())).isEqualTo(Instant.parse("2023-03-14T08:00:00Z"));
        assertThat(article.get("author").get("@type").asString()).isEqualTo("Person");
        assertThat(article.get("author").get("name").asString()).isNotBlank();
        assertThat(article.get("inLanguage").asString()).isEqualTo("en");
        assertThat(article.get("url").asString()).isEqualTo(BASE_URL + "/posts/" + SEED_SLUG);
        assertThat(article.get("keywords").valueStream().map(JsonNode::asString))
                .containsExactly("RLS", "liver", "traditional Chinese medicine", "iron");
        assertThat(page.has("lastReviewed")).isFalse();
        assertThat(article.has("citation")).isFalse();
    }

    @Test
    void givesAReviewedArticleItsImageReviewTopicsAndCitations() {
        Document html = page("/posts/" + REVIEWED_SLUG);
        String image = BASE_URL + "/media/iron.jpg";

        assertThat(meta(html, "property", "og:image")).isEqualTo(image);
        assertThat(meta(html, "property", "og:image:alt")).isEqualTo("A jar of iron tablets");
        assertThat(meta(html, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(html, "name", "twitter:image")).isEqualTo(image);
        assertThat(instant(meta(html, "property", "article:modified_time")))
                .isEqualTo(Instant.parse("2025-04-02T08:30:00Z"));
        JsonNode page = jsonLd(html);
        assertThat(page.get("lastReviewed").asString()).isEqualTo("2025-04-01");
        assertThat(page.get("reviewedBy").get("name").asString()).isEqualTo("Dr. Ada Reviewer");
        assertThat(page.get("about").valueStream().map(a -> a.get("name").asString()))
                .containsExactly("Restless legs syndrome", "Iron deficiency");
        JsonNode article = page.get("mainEntity");
        assertThat(article.get("image").asString()).isEqualTo(image);
        assertThat(article.get("citation").valueStream().map(JsonNode::asString))
                .containsExactly("https://doi.org/10.1000/iron-rls", "https://guidelines.example.org/ferritin");
    }

    @Test
    void headsTheFootnotesReferencesOrBronnenInADutchPost() {
        Document english = page("/posts/" + REVIEWED_SLUG);
        Document dutch = page("/posts/" + DUTCH_SLUG);

        assertThat(english.select("h2#references").text()).isEqualTo("References");
        assertThat(dutch.select("h2#references").text()).isEqualTo("Bronnen");
        assertThat(jsonLd(dutch).get("inLanguage").asString()).isEqualTo("nl");
        assertThat(jsonLd(dutch).get("mainEntity").get("citation").valueStream().map(JsonNode::asString))
                .containsExactly("https://onderzoek.example.nl/wandelen");
    }

    @Test
    void keepsJsonLdInsideItsScriptElementWhateverTheText() {
        String raw = page("/posts/" + REVIEWED_SLUG)
                .selectFirst("script[type=application/ld+json]")
                .data();

        assertThat(raw).doesNotContain("<", ">");
        assertThat(JSON.readTree(raw).get("mainEntity").get("headline").asString())
                .isEqualTo("Iron tablets, reviewed");
    }

    @Test
    void linksEveryPageToTheFeedsAndItsCanonicalAddress() {
        for (String path : List.of(
                "/",
                "/archive",
                "/tags/iron",
                "/about",
                "/posts/" + SEED_SLUG,
                "/posts/" + DUTCH_SLUG,
                "/search?q=iron")) {
            Document page = page(path);

            assertThat(page.select("link[rel=alternate][type=application/atom+xml]")
                            .eachAttr("href"))
                    .as(path)
                    .contains("/feed.atom");
            assertThat(page.select("link[rel=alternate][type=application/rss+xml]")
                            .eachAttr("href"))
                    .as(path)
                    .contains("/feed.rss");
            assertThat(page.select("link[rel=canonical]").attr("href")).as(path).startsWith(BASE_URL + "/");
            assertThat(meta(page, "name", "description")).as(path).isNotBlank();
        }
        assertThat(page("/tags/iron")
                        .select("link[rel=alternate][type=application/atom+xml]")
                        .eachAttr("href"))
                .contains("/tags/iron/feed.atom");
    }

    @Test
    void describesTheHomePageAsAWebsite() {
        Document home = page("/");

        assertThat(meta(home, "property", "og:type")).isEqualTo("website");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo(BASE_URL + "/");
        JsonNode site = jsonLd(home);
        assertThat(site.get("@type").asString()).isEqualTo("WebSite");
        assertThat(site.get("url").asString()).isEqualTo(BASE_URL + "/");
    }

    private Document page(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).as(path).hasStatusOk();
        return html(result);
    }

    private static String meta(Document page, String attribute, String name) {
        var found = page.select("meta[" + attribute + "=" + name + "]");
        assertThat(found).as("meta %s=%s", attribute, name).hasSize(1);
        return found.attr("content");
    }

    private static JsonNode jsonLd(Document page) {
        var scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        return JSON.readTree(scripts.get(0).data());
    }

    private static Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }
}
