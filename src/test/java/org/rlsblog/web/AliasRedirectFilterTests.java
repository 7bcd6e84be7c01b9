package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void leavesUnknownAddressesToTheSite() {
        assertThat(mvc.get().uri("/about").exchange()).hasStatusOk();
    }
}
