package org.rlsblog.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.CommentSiteTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

/** The privacy page (the real content/pages/privacy.md) against what the site really does. */
class PrivacyPageTests extends CommentSiteTestSupport {

    /**
     * Spring Security's test {@code csrf()} swaps the CSRF filter's repository for one kept in a
     * session, for every later request of the shared context; this test reads the site's own cookies.
     */
    @BeforeEach
    void useTheSitesOwnCsrfCookie(@Autowired WebApplicationContext context, @Autowired CsrfTokenRepository tokens) {
        WebTestUtils.setCsrfTokenRepository(new MockHttpServletRequest(context.getServletContext()), tokens);
    }

    @Test
    void namesEveryCookieAReaderGetsFromReadingAndCommentingAsStrictlyNecessary() {
        Set<String> cookies = new LinkedHashSet<>();
        MvcTestResult article = mvc.get().uri("/posts/{slug}", SEED_SLUG).exchange();
        cookieNames(article, cookies);
        Map<String, String> comment = aComment("A comment that waits for moderation");
        MvcTestResult posted = submit("open-for-comments", comment);
        assertThat(posted).hasStatus(303);
        cookieNames(posted, cookies);

        assertThat(cookies).contains("XSRF-TOKEN", CommentCookies.PENDING);
        String privacy =
                html(mvc.get().uri("/privacy").exchange()).select("main").text();
        for (String cookie : cookies) {
            assertThat(privacy).as("the privacy page names %s", cookie).contains(cookie);
        }
        assertThat(privacy).contains("strictly necessary").doesNotContain("nothing is stored in your browser");
    }

    @Test
    void callsTheHashOfTheAddressPseudonymisedAndSaysHowLongItIsKept() {
        String privacy =
                html(mvc.get().uri("/privacy").exchange()).select("main").text();

        assertThat(privacy).contains("pseudonymised").contains("15 seconds").doesNotContain("cannot be turned back");
    }

    private static void cookieNames(MvcTestResult result, Set<String> names) {
        Arrays.stream(result.getResponse().getCookies()).map(Cookie::getName).forEach(names::add);
    }
}
