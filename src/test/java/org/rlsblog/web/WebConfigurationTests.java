package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import jakarta.servlet.http.Cookie;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Interface language (browser, switch, cookie) and the author's media files. */
class WebConfigurationTests extends SiteTestSupport {

    private static String heading(MvcTestResult result) {
        return html(result).select("main h1").text();
    }

    @Test
    void speaksEnglishByDefault() {
        MvcTestResult result = mvc.get().uri("/").exchange();

        assertThat(heading(result)).isEqualTo("Latest articles");
        assertThat(html(result).selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void speaksDutchToABrowserThatAsksForIt() {
        MvcTestResult result = mvc.get()
                .uri("/")
                .header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5")
                .exchange();

        assertThat(heading(result)).isEqualTo("Nieuwste artikelen");
        assertThat(html(result).selectFirst("html").attr("lang")).isEqualTo("nl");
        assertThat(html(result).select(".post-meta").text()).contains("min lezen");
    }

    @Test
    void speaksEnglishToABrowserAskingForAnUnsupportedLanguage() {
        assertThat(heading(mvc.get().uri("/").header("Accept-Language", "fr-FR").exchange()))
                .isEqualTo("Latest articles");
    }

    @Test
    void switchesToDutchWithTheLangParameterAndRemembersIt() {
        MvcTestResult switched = mvc.get().uri("/?lang=nl").exchange();

        assertThat(heading(switched)).isEqualTo("Nieuwste artikelen");
        Cookie cookie = switched.getResponse().getCookie("lang");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("nl");
        assertThat(cookie.isHttpOnly()).isTrue();

        assertThat(heading(mvc.get()
                        .uri("/archive")
                        .cookie(new Cookie("lang", "nl"))
                        .exchange()))
                .isEqualTo("Archief");
    }

    @Test
    void letsTheSwitchOverruleTheBrowser() {
        assertThat(heading(mvc.get()
                        .uri("/?lang=en")
                        .header("Accept-Language", "nl")
                        .exchange()))
                .isEqualTo("Latest articles");
    }

    @Test
    void fallsBackToEnglishForAnUnsupportedSwitch() {
        assertThat(heading(mvc.get().uri("/?lang=fr").exchange())).isEqualTo("Latest articles");
    }

    @Test
    void showsTheNotFoundPageInDutch() throws Exception {
        HttpResponse<String> response = browse("/posts/no-such-post", "Accept-Language", "nl");

        assertNotFoundPage(response);
        assertThat(response.body()).contains("Pagina niet gevonden");
    }

    @Test
    void pointsTheLanguageSwitchOfTheNotFoundPageAtTheAddressAskedFor() throws Exception {
        HttpResponse<String> response = browse("/posts/no-such-post");

        assertThat(Jsoup.parse(response.body()).select(".language-switch a").eachAttr("href"))
                .containsExactly("/posts/no-such-post?lang=en", "/posts/no-such-post?lang=nl");
    }

    @Test
    void keepsTheQueryButTheLanguageInTheLanguageSwitch() throws Exception {
        HttpResponse<String> search = browse("/search?q=liver+iron&lang=nl");

        assertThat(Jsoup.parse(search.body()).select(".language-switch a").eachAttr("href"))
                .containsExactly("/search?q=liver+iron&lang=en", "/search?q=liver+iron&lang=nl");
    }

    @Test
    void servesMediaFilesFromTheContentFolder() throws Exception {
        HttpResponse<String> response = browse("/media/note.txt");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("a media file");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/media/../secret.txt",
                "/media/../../secret.txt",
                "/media/%2e%2e/secret.txt",
                "/media/..%2fsecret.txt",
                "/media/..%5csecret.txt",
                "/media/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/media/..;/secret.txt",
                "/media/../posts/rls-and-liver-diseases.md"
            })
    void keepsMediaRequestsInsideTheMediaFolder(String path) throws Exception {
        HttpResponse<String> response = browse(path);

        assertThat(response.statusCode()).as(path).isIn(400, 404);
        assertThat(response.body()).as(path).doesNotContain(TestSite.SECRET, "title: \"RLS");
    }

    @Test
    void keepsMediaRequestsInsideTheMediaFolderForMockMvcToo() {
        assertThat(mvc.get().uri("/media/{file}", "../secret.txt").exchange())
                .bodyText()
                .doesNotContain(TestSite.SECRET);
    }
}
