package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class AliasRedirectFilterTests extends SiteTestSupport {

    @Test
    void redirectsAnOldAddressPermanentlyToThePost() {
        assertThat(mvc.get().uri("/rls-and-liver-diseases/").exchange())
                .hasStatus(301)
                .hasHeader("Location", "/posts/rls-and-liver-diseases");
    }

    @Test
    void redirectsTheOldAddressWithoutTrailingSlashOrInOtherCase() {
        assertThat(mvc.get().uri("/rls-and-liver-diseases").exchange())
                .hasStatus(301)
                .hasHeader("Location", "/posts/rls-and-liver-diseases");
        assertThat(mvc.get().uri("/RLS-and-Liver-Diseases/").exchange()).hasStatus(301);
    }

    @Test
    void redirectsAHeadRequestToo() {
        assertThat(mvc.head().uri("/rls-and-liver-diseases/").exchange()).hasStatus(301);
    }

    @Test
    void leavesOtherMethodsAlone() {
        assertThat(mvc.post()
                        .uri("/rls-and-liver-diseases/")
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isNotEqualTo(301);
    }

    @Test
    void sendsAWordPressFeedReaderToTheFeedAndThatFeedAnswers() {
        MvcTestResult old = mvc.get().uri("/?feed=rss2").exchange();

        assertThat(old).hasStatus(301).hasHeader("Location", "/feed.rss");
        assertThat(mvc.get().uri("/feed.rss").exchange())
                .hasStatusOk()
                .headers()
                .hasValue("Content-Type", "application/rss+xml;charset=UTF-8");
    }

    @Test
    void dropsATrailingSlashAndKeepsTheQuery() {
        assertThat(mvc.get().uri("/archive/?lang=nl").exchange())
                .hasStatus(301)
                .hasHeader("Location", "/archive?lang=nl");
        assertThat(mvc.get().uri("/about/").exchange()).hasStatus(301).hasHeader("Location", "/about");
    }

    @Test
    void leavesUnknownAddressesToTheSite() {
        assertThat(mvc.get().uri("/about").exchange()).hasStatusOk();
    }
}
