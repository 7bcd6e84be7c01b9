package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlsblog.pagecache.PageCacheFilter;

/** The protective headers and cookie attributes on every kind of response, seen over real HTTP. */
class SecurityHeadersTests extends LiveSiteSupport {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html,application/xhtml+xml,text/css,*/*");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                SEED_ARTICLE,
                "/posts/no-such-article",
                "/admin/login",
                "/admin/comments",
                "/css/site.css",
                "/rls-and-liver-diseases/",
                "/?page=abc"
            })
    void everyKindOfResponseCarriesTheProtectiveHeaders(String path) throws Exception {
        HttpResponse<String> response = get(path);
        HttpHeaders headers = response.headers();

        assertThat(headers.firstValue("Content-Security-Policy"))
                .as("CSP of %s (%d)", path, response.statusCode())
                .hasValueSatisfying(csp -> {
                    String scriptSrc = directive(csp, "script-src")
                            .orElse(directive(csp, "default-src").orElse(""));
                    assertThat(scriptSrc).isNotEmpty().doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*");
                    assertThat(csp).contains("object-src 'none'", "base-uri");
                });
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy"))
                .hasValueSatisfying(v -> assertThat(v).isNotBlank().isNotEqualTo("unsafe-url"));
        assertThat(directive(headers.firstValue("Content-Security-Policy").orElse(""), "frame-ancestors")
                                .isPresent()
                        || headers.firstValue("X-Frame-Options").isPresent())
                .as("framing forbidden on %s", path)
                .isTrue();
        assertThat(headers.firstValue("Permissions-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
        assertThat(headers.firstValue("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP")
                .isEmpty();
    }

    private static Optional<String> directive(String csp, String name) {
        return Arrays.stream(csp.split(";"))
                .map(String::trim)
                .filter(d -> d.startsWith(name + " "))
                .findFirst();
    }

    @Test
    void behindAnHttpsProxyTheSiteSendsHstsAndSecureCookies() throws Exception {
        String[] https = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "localhost:" + port};
        HttpResponse<String> login = get("/admin/login", https);

        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        List<String> csrf = cookies(login, "XSRF-TOKEN");
        assertThat(csrf).singleElement().satisfies(SecurityHeadersTests::assertSecureCookie);

        String token = Jsoup.parse(login.body()).select("input[name=_csrf]").val();
        String cookie = csrf.get(0).split(";")[0];
        HttpResponse<String> loggedIn = HTTP.send(
                HttpRequest.newBuilder(URI.create(url("/admin/login")))
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "localhost:" + port)
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                                + "&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/comments"));
        assertThat(cookies(loggedIn, "SESSION")).singleElement().satisfies(SecurityHeadersTests::assertSecureCookie);
    }

    @Test
    void everyCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> article = get(SEED_ARTICLE + "?lang=nl");
        List<String> all = article.headers().allValues("Set-Cookie");

        assertThat(all).extracting(c -> c.split("=")[0]).contains("XSRF-TOKEN", "lang");
        assertThat(all)
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite="));
    }

    static void assertSecureCookie(String setCookie) {
        assertThat(setCookie)
                .containsIgnoringCase("; Secure")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=");
    }

    @Test
    void aFreshReaderOfALongArticleGetsTheCsrfCookieItsCommentFormNeeds() throws Exception {
        HttpResponse<String> article = get(LONG_ARTICLE);

        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body().length())
                .as("longer than a response buffer")
                .isGreaterThan(PageCacheFilter.LARGEST_RESPONSE_BUFFER);
        assertThat(Jsoup.parse(article.body()).select("#respond input[name=_csrf]"))
                .isNotEmpty();
        assertThat(cookies(article, "XSRF-TOKEN"))
                .as("the token in the form is useless without its cookie")
                .hasSize(1);
    }
}
