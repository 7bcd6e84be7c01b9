package org.rlsblog.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class PreviewTests extends DeskSiteTestSupport {

    private static final Pattern PREVIEW_LINK = Pattern.compile("/preview/([A-Za-z0-9_-]{22})");

    @AfterEach
    void resetClock() {
        clock.set(TestClock.NOW);
    }

    /** Makes a new preview link on the desk, as the author does, and reads it from the list. */
    private String newPreviewToken(String slug) {
        assertThat(postAsAuthor("/admin/posts/" + slug + "/preview")).hasStatus(302);
        Document desk = html(asAuthor("/admin/posts"));
        String link = desk.select("#post-" + slug + " a.preview-link").attr("href");
        Matcher matcher = PREVIEW_LINK.matcher(link);
        assertThat(matcher.find()).as("preview link in %s", link).isTrue();
        return matcher.group(1);
    }

    @Test
    void showsADraftAtItsSecretLinkUnderABanner() {
        String token = newPreviewToken("draft-for-the-doctor");

        MvcTestResult result = mvc.get().uri("/preview/" + token).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(result.getResponse().getHeader("X-Robots-Tag")).contains("noindex");
        Document page = html(result);
        assertThat(page.select(".preview-banner").text()).isEqualTo("Preview, not published");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(page.select("article h1").text()).isEqualTo("A draft for the doctor");
        assertThat(page.select(".article-body").text()).contains("Zebrafish research");
    }

    @Test
    void saysPreviewInDutchToo() {
        String token = newPreviewToken("draft-for-the-doctor");

        Document page = html(mvc.get().uri("/preview/" + token + "?lang=nl").exchange());

        assertThat(page.select(".preview-banner").text()).isEqualTo("Voorvertoning, niet gepubliceerd");
    }

    @Test
    void keepsTheDraftOutOfFeedsSearchSitemapAndLists() throws Exception {
        newPreviewToken("draft-for-the-doctor");

        for (String path : new String[] {"/feed.atom", "/feed.rss", "/sitemap.xml", "/", "/archive", "/tags/iron"}) {
            MvcTestResult result = mvc.get().uri(path).exchange();
            assertThat(result).as(path).hasStatusOk();
            String body = result.getResponse().getContentAsString();
            assertThat(body).as(path).doesNotContain("draft-for-the-doctor", "A draft for the doctor", "/preview/");
        }
        // "restless" is in the draft and in published articles: the search finds only the published
        String results =
                mvc.get().uri("/search?q=restless").exchange().getResponse().getContentAsString();
        assertThat(results).contains("Iron and restless legs").doesNotContain("A draft for the doctor");
        assertThat(mvc.get().uri("/search?q=zebrafish").exchange().getResponse().getContentAsString())
                .doesNotContain("A draft for the doctor");
        assertThat(mvc.get().uri("/posts/draft-for-the-doctor").exchange()).hasStatus(404);
    }

    @Test
    void aNewLinkRevokesTheOldOne() {
        String old = newPreviewToken("draft-for-the-doctor");
        String renewed = newPreviewToken("draft-for-the-doctor");

        assertThat(renewed).isNotEqualTo(old);
        assertThat(mvc.get().uri("/preview/" + old).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/preview/" + renewed).exchange()).hasStatusOk();
    }

    @Test
    void theLinkOfAScheduledPostRedirectsOnceItIsPublishedAndThenDies() {
        String token = newPreviewToken("scheduled");
        assertThat(mvc.get().uri("/preview/" + token).exchange()).hasStatusOk();

        clock.set(SCHEDULED_AT.plusSeconds(1));
        MvcTestResult published = mvc.get().uri("/preview/" + token).exchange();

        assertThat(published).hasStatus(302).hasRedirectedUrl("/posts/scheduled");

        // were the post taken back, the spent link would not show it again
        clock.set(TestClock.NOW);
        assertThat(mvc.get().uri("/preview/" + token).exchange()).hasStatus(404);
    }

    @Test
    void theLinkOfADraftDiesWhenTheDraftIsPublished() throws Exception {
        Path file = posts().resolve("to-be-published.md");
        Files.writeString(file, "---\ntitle: Soon out\ndate: 2025-05-30\ndraft: true\n---\nAlmost ready.\n");
        catalog.reload();
        String token = newPreviewToken("to-be-published");
        assertThat(mvc.get().uri("/preview/" + token).exchange()).hasStatusOk();

        Files.writeString(file, "---\ntitle: Soon out\ndate: 2025-05-30\n---\nAlmost ready.\n");
        catalog.reload();

        assertThat(mvc.get().uri("/preview/" + token).exchange())
                .hasStatus(302)
                .hasRedirectedUrl("/posts/to-be-published");
    }

    @Test
    void answersAnUnknownOrMalformedTokenWithNotFound() {
        assertThat(mvc.get().uri("/preview/AAAAAAAAAAAAAAAAAAAAAA").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/preview/not-a-token").exchange()).hasStatus(404);
    }

    @Test
    void offersNoPreviewLinkForAPublishedPost() {
        assertThat(postAsAuthor("/admin/posts/iron-and-rls/preview")).hasStatus(404);
    }
}
