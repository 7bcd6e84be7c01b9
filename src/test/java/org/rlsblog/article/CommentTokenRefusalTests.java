package org.rlsblog.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.rlsblog.web.LiveSiteSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A comment refused for its CSRF token, over real HTTP (the refusal forwards, which MockMvc does
 * not follow): the reader loses nothing and can post again from the page they get back.
 */
class CommentTokenRefusalTests extends LiveSiteSupport {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommentWhoseTokenCookieIsGoneComesBackWithItsTextAndCanBePostedAgain() throws Exception {
        String text = "Typed while my browser forgot its cookies.";
        Document article = Jsoup.parse(get(SEED_ARTICLE).body());

        HttpResponse<String> refused = post(SEED_ARTICLE + "/comments", form(article, text), null);

        assertThat(refused.statusCode()).isEqualTo(403);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select("#comment-error").text()).startsWith("This form had expired.");
        assertThat(again.select("#respond textarea[name=body]").val()).isEqualTo(text);
        assertThat(again.select("#respond input[name=name]").val()).isEqualTo("Cookie Gone");
        assertThat(again.select("#respond input[name=email]").val()).isEqualTo("gone@example.org");
        List<String> cookie = cookies(refused, "XSRF-TOKEN");
        assertThat(cookie).as("a new token cookie for the form it shows").hasSize(1);
        assertThat(storedWithBody(text))
                .as("nothing saved from the refused request")
                .isZero();

        HttpResponse<String> posted = post(SEED_ARTICLE + "/comments", form(again, text), cookie.get(0));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        assertThat(storedWithBody(text)).isOne();
    }

    @Test
    void aPostStraightToTheRefusalsAddressIsNotFoundAndSavesNothing() throws Exception {
        String text = "Sent straight to the refusal's address.";
        HttpResponse<String> page = get(SEED_ARTICLE);
        String cookie = cookies(page, "XSRF-TOKEN").get(0);

        HttpResponse<String> direct =
                post(SEED_ARTICLE + CommentController.REFUSED_TOKEN_PATH, form(Jsoup.parse(page.body()), text), cookie);

        assertThat(direct.statusCode()).isEqualTo(404);
        assertThat(storedWithBody(text)).isZero();
    }

    private long storedWithBody(String body) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE body = :body")
                .param("body", body)
                .query(Long.class)
                .single();
    }

    private static String form(Document page, String body) {
        return "_csrf=" + encode(page.select("#respond input[name=_csrf]").val())
                + "&formToken="
                + encode(page.select("#respond input[name=formToken]").val())
                + "&name=Cookie+Gone&email=gone%40example.org&body=" + encode(body);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, @Nullable String setCookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (setCookie != null) {
            request.header("Cookie", setCookie.split(";")[0]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
