package org.rlsblog.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The static page that answers when even the application's error page could not. */
class SiteErrorReportValveTests {

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 500, 505})
    void isAPageInTheSitesStylesheetThatTheContentSecurityPolicyAllows(int status) {
        String html = SiteErrorReportValve.page(status);
        Document page = Jsoup.parse(html);

        assertThat(html).doesNotContain("style=", "<style", "<script", "Tomcat");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/css/site.css");
        assertThat(page.select("main.error-page h1").text())
                .isEqualTo(status < 500 ? "That request could not be handled" : "Something went wrong");
        assertThat(page.select("a[href]").eachAttr("href")).allMatch(href -> href.matches("/[a-z]*"));
        assertThat(SiteErrorReportValve.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
    }
}
