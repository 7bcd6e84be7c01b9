package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages answered from the page cache, in front of Spring Security, over real HTTP: they must be
 * indistinguishable from pages the whole filter chain makes (headers, a working comment form),
 * and keep HTTPS-only headers to HTTPS answers.
 */
class StoredPageTests extends LiveSiteSupport {

    @Autowired
    MeterRegistry meters;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Headers that differ between any two answers, and the caching headers (a stored page may be
     * kept by the browser, a page that is never stored may not).
     */
    private static final Set<String> PER_ANSWER = Set.of(
            "date",
            "set-cookie",
            "content-length",
            "transfer-encoding",
            "etag",
            "last-modified",
            "vary",
            "cache-control",
            "pragma",
            "expires");

    /**
     * Answers from the page cache so far. The filter counts one once it has written it, so the
     * count of an answer a client already has can still be on its way: hence "more than before".
     */
    private long storedAnswers() {
        return meters.get("blog.pages.stored").timer().count();
    }

    private void assertAnsweredFromTheStore(String path, long storedBefore) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(storedAnswers())
                        .as("%s answered from the store", path)
                        .isGreaterThan(storedBefore));
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, List<String>> lasting(HttpResponse<?> response) {
        return response.headers().map().entrySet().stream()
                .filter(e -> !PER_ANSWER.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                SEED_ARTICLE,
                LONG_ARTICLE,
                "/",
                "/tags/rls",
                "/archive",
                "/about",
                "/feed.atom",
                "/tags/rls/feed.atom"
            })
    void aStoredPageCarriesTheSameHeadersAsAFreshlyMadeOne(String path) throws Exception {
        // the ?lang=en variant is never stored: the whole chain makes it every time
        HttpResponse<String> made = get(path + "?lang=en");
        get(path);
        long before = storedAnswers();
        HttpResponse<String> stored = get(path);

        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertAnsweredFromTheStore(path, before);
        assertThat(lasting(stored)).isEqualTo(lasting(made)).containsKey("content-security-policy");
    }

    /** The long article is written past Tomcat's response buffer, after its token cookie is set. */
    @ParameterizedTest
    @ValueSource(strings = {SEED_ARTICLE, LONG_ARTICLE})
    void aCommentPostedWithTheTokensOfAStoredPageIsAccepted(String path) throws Exception {
        get(path);
        long before = storedAnswers();
        HttpResponse<String> stored = get(path);
        assertAnsweredFromTheStore(path, before);
        List<String> cookies = SecurityHeadersTests.cookies(stored, "XSRF-TOKEN");
        assertThat(cookies)
                .as("a reader without a token gets one, with the attributes Spring Security gives it")
                .singleElement()
                .satisfies(c -> assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(stored.headers().firstValueAsLong("Content-Length"))
                .hasValue(stored.body().getBytes(StandardCharsets.UTF_8).length);
        HttpResponse<String> posted = postCommentFrom(
                path, Jsoup.parse(stored.body()), cookies.get(0), "Sent from a page that came out of the store.");

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    @Test
    void aReaderWithATokenCookieKeepsItAndGetsAFormForIt() throws Exception {
        get(SEED_ARTICLE);
        HttpResponse<String> first = get(SEED_ARTICLE);
        String cookie = SecurityHeadersTests.cookies(first, "XSRF-TOKEN").get(0).split(";")[0];

        HttpResponse<String> again = get(SEED_ARTICLE, "Cookie", cookie);

        assertThat(SecurityHeadersTests.cookies(again, "XSRF-TOKEN"))
                .as("no new token")
                .isEmpty();
        String masked =
                Jsoup.parse(again.body()).select("#respond input[name=_csrf]").val();
        assertThat(unmask(masked)).isEqualTo(cookie.substring(cookie.indexOf('=') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {SEED_ARTICLE, LONG_ARTICLE, "/", "/feed.atom"})
    void aBrowserAskingForGzipGetsTheStoredPageCompressedOnceAndWhole(String path) throws Exception {
        get(path);
        String plain = get(path).body();

        long before = storedAnswers();
        HttpResponse<byte[]> compressed = HTTP.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Accept-Encoding", "gzip, deflate, br")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertAnsweredFromTheStore(path, before);
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressed.headers().firstValue("Vary"))
                .hasValueSatisfying(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
        assertThat(compressed.headers().firstValueAsLong("Content-Length")).hasValue(compressed.body().length);
        String unpacked = gunzip(compressed.body());
        assertThat(compressed.body().length).isLessThan(unpacked.length() / 2);
        assertThat(withoutTokens(unpacked)).isEqualTo(withoutTokens(plain));
    }

    @Test
    void aCommentPostedWithTheTokensOfACompressedStoredPageIsAccepted() throws Exception {
        get(SEED_ARTICLE);
        HttpResponse<byte[]> stored = HTTP.send(
                HttpRequest.newBuilder(URI.create(url(SEED_ARTICLE)))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<String> posted = postCommentFrom(
                SEED_ARTICLE,
                Jsoup.parse(gunzip(stored.body())),
                SecurityHeadersTests.cookies(stored, "XSRF-TOKEN").get(0),
                "Sent from a compressed page that came out of the store.");

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip;q=0, deflate", "identity", "br", "deflate, *;q=0"})
    void aClientThatRefusesGzipGetsThePlainPage(String acceptEncoding) throws Exception {
        get("/");
        HttpResponse<String> answer = get("/", "Accept-Encoding", acceptEncoding);

        assertThat(answer.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(answer.body()).startsWith("<!DOCTYPE html>");
    }

    /**
     * Posts a comment on the article at {@code path} with the form tokens of {@code page} and the
     * reader's {@code XSRF-TOKEN} cookie.
     */
    private HttpResponse<String> postCommentFrom(String path, Document page, String xsrfCookie, String body)
            throws IOException, InterruptedException {
        String form =
                "_csrf=" + encode(page.select("#respond input[name=_csrf]").val())
                        + "&formToken="
                        + encode(page.select("#respond input[name=formToken]").val())
                        + "&name=Stored+Page&email=stored%40example.org&body=" + encode(body);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url(path + "/comments")))
                        .header("Cookie", xsrfCookie.split(";")[0])
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String gunzip(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The page without the two values that differ in every answer. */
    private static String withoutTokens(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("name=\"formToken\" value=\"[^\"]*\"", "");
    }

    @Test
    void hstsIsSentOnlyWithAnswersOverHttps() throws Exception {
        String[] https = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "localhost:" + port};
        get("/archive");
        get("/archive", https);

        HttpResponse<String> plain = get("/archive");
        HttpResponse<String> secure = get("/archive", https);

        assertThat(plain.headers().firstValue("ETag")).isPresent();
        assertThat(secure.headers().firstValue("ETag")).isPresent();
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    /** Undoes Spring Security's XOR masking of a CSRF token (random bytes, then token XOR them). */
    private static String unmask(String masked) {
        byte[] bytes = Base64.getUrlDecoder().decode(masked);
        int half = bytes.length / 2;
        byte[] token = new byte[half];
        for (int i = 0; i < half; i++) {
            token[i] = (byte) (bytes[i] ^ bytes[half + i]);
        }
        return new String(token, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
