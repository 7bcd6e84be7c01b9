package org.rlsblog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlsblog.web.SiteTestSupport;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class SecurityConfigurationTests extends SiteTestSupport {

    @Test
    void sendsAStrictContentSecurityPolicyWithEveryPage() {
        MvcTestResult result = mvc.get().uri("/posts/rls-and-liver-diseases").exchange();

        assertThat(result)
                .hasStatusOk()
                .hasHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(result.getResponse().getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
        assertThat(result).hasHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void allowsFramesFromTheTwoVideoPlayersOnlyAndScriptsFromTheSiteOnly() {
        String csp = mvc.get()
                .uri("/posts/rls-and-liver-diseases")
                .exchange()
                .getResponse()
                .getHeader("Content-Security-Policy");
        List<String> directives =
                Arrays.stream(csp.split(";")).map(String::trim).toList();

        assertThat(directives)
                .filteredOn(d -> d.startsWith("frame-src") || d.startsWith("child-src"))
                .containsExactly("frame-src https://www.youtube-nocookie.com https://player.vimeo.com");
        assertThat(directives).contains("script-src 'self'", "default-src 'self'", "frame-ancestors 'none'");
        assertThat(directives)
                .filteredOn(d -> !d.startsWith("frame-src"))
                .allSatisfy(d -> assertThat(d).doesNotContain("http", "*", "youtube", "vimeo"));
    }

    @Test
    void keepsAnonymousReadersOutOfAdmin() {
        assertThat(mvc.get().uri("/admin/comments").exchange().getResponse().getStatus())
                .isIn(302, 401, 403);
    }

    @Test
    void letsAnonymousReadersReadEverything() {
        assertThat(mvc.get().uri("/").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/archive").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/tags/iron").exchange()).hasStatusOk();
    }
}
