package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Video posters in a real browser: nothing of the video site is loaded (nor its iframe made) until
 * the reader clicks or presses a key on a poster, the player then comes from the privacy-respecting
 * address the CSP allows, and without JavaScript a poster is a link to the video. The browser has
 * no internet: the player's iframe is checked, not what it shows.
 */
class VideoBrowserTests extends LiveSiteSupport {

    private static final String YOUTUBE_POSTER = ".video-embed:nth-of-type(1) .video-poster";
    private static final String VIMEO_POSTER = ".video-embed:nth-of-type(2) .video-poster";
    private static final String YOUTUBE_PLAYER =
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=42";
    private static final String VIMEO_PLAYER = "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1";
    private static final int MAX_TABS = 40;

    private static final Browsers browsers = new Browsers();
    private static ChromeDriver reader;
    private static ChromeDriver withoutScript;

    private final SitePages pages = new SitePages(this);

    @BeforeAll
    static void openBrowsers() {
        Browsers.assumeAvailable();
        reader = browsers.open();
        withoutScript = browsers.openWithoutJavaScript();
    }

    @AfterAll
    static void closeBrowsers() {
        browsers.closeAll();
    }

    /** Opens the video article, noting any Content-Security-Policy violation from then on. */
    private void openVideoArticle() {
        pages.open(reader, VIDEO_ARTICLE);
        SitePages.waitFor(reader)
                .until(driver -> "button"
                        .equals(driver.findElement(By.cssSelector(YOUTUBE_POSTER))
                                .getDomAttribute("role")));
        Browsers.js(reader, """
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                    e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
                """);
    }

    @SuppressWarnings("unchecked")
    private static List<String> resourcesRequested() {
        return (List<String>) Browsers.js(
                reader,
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat(performance.getEntriesByType('navigation').map(e => e.name))");
    }

    private static List<String> videoSiteRequests(List<String> resources) {
        return resources.stream()
                .filter(name -> name.contains("youtube") || name.contains("youtu.be") || name.contains("vimeo"))
                .toList();
    }

    private static WebElement playerAfterActivation() {
        return SitePages.waitFor(reader)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.video-player")));
    }

    @Test
    void noIframeAndNoRequestToTheVideoSiteUntilAPosterIsClicked() {
        openVideoArticle();

        assertThat(reader.findElements(By.tagName("iframe"))).isEmpty();
        List<String> resources = resourcesRequested();
        assertThat(resources)
                .as("the page's own script and style sheet were loaded, and seen")
                .anySatisfy(name -> assertThat(name).matches(".*/js/video-embed-[0-9a-f]{32}\\.js"))
                .anySatisfy(name -> assertThat(name).contains("/css/site-"));
        assertThat(videoSiteRequests(resources)).isEmpty();
        assertThat(reader.findElements(By.cssSelector(".video-poster img, .video-embed img")))
                .isEmpty();

        reader.findElement(By.cssSelector(YOUTUBE_POSTER)).click();

        WebElement player = playerAfterActivation();
        assertThat(player.getDomAttribute("src")).isEqualTo(YOUTUBE_PLAYER);
        assertThat(player.getDomAttribute("title")).isEqualTo("Calf stretch & \"rest\" <b>before bed</b>");
        assertThat(reader.findElements(By.cssSelector("iframe"))).hasSize(1);
        assertThat(reader.findElements(By.cssSelector(VIMEO_POSTER))).hasSize(1);
        assertThat(reader.getCurrentUrl()).endsWith(VIDEO_ARTICLE);
        assertThat(Browsers.js(reader, "return window.cspViolations"))
                .as("the CSP lets the player's frame in")
                .isEqualTo(List.of());
    }

    @Test
    void enterOnAFocusedPosterLoadsThePlayerAndSpaceDoesToo() {
        openVideoArticle();
        WebElement vimeo = reader.findElement(By.cssSelector(VIMEO_POSTER));

        for (int i = 0; i < MAX_TABS && !vimeo.equals(reader.switchTo().activeElement()); i++) {
            new Actions(reader).sendKeys(Keys.TAB).perform();
        }
        assertThat(reader.switchTo().activeElement()).as("reached with Tab").isEqualTo(vimeo);
        @SuppressWarnings("unchecked")
        Map<String, Object> focus = (Map<String, Object>) Browsers.js(reader, """
                const s = getComputedStyle(document.activeElement);
                return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
                """);
        assertThat(focus.get("style")).as("a visible focus outline").isNotEqualTo("none");
        assertThat(((Number) focus.get("width")).doubleValue()).isPositive();
        assertThat(videoSiteRequests(resourcesRequested())).isEmpty();

        new Actions(reader).sendKeys(Keys.ENTER).perform();

        WebElement player = playerAfterActivation();
        assertThat(player.getDomAttribute("src")).isEqualTo(VIMEO_PLAYER);
        assertThat(player.getDomAttribute("title")).isEqualTo("Video on Vimeo");
        assertThat(reader.switchTo().activeElement())
                .as("focus moves to the player")
                .isEqualTo(player);
        assertThat(reader.getCurrentUrl()).endsWith(VIDEO_ARTICLE);

        Browsers.js(reader, "document.querySelector(arguments[0]).focus()", YOUTUBE_POSTER);
        Object scrolled = Browsers.js(reader, "return window.scrollY");
        new Actions(reader).sendKeys(Keys.SPACE).perform();

        SitePages.waitFor(reader)
                .until(driver -> driver.findElements(By.tagName("iframe")).size() == 2);
        assertThat(reader.findElements(By.cssSelector("iframe.video-player")))
                .extracting(frame -> frame.getDomAttribute("src"))
                .containsExactly(YOUTUBE_PLAYER, VIMEO_PLAYER);
        assertThat(Browsers.js(reader, "return window.scrollY"))
                .as("Space did not scroll the page instead")
                .isEqualTo(scrolled);
        assertThat(Browsers.js(reader, "return window.cspViolations")).isEqualTo(List.of());
    }

    @Test
    void withoutJavaScriptThePosterIsALinkToTheVideoOnItsSite() {
        pages.open(withoutScript, VIDEO_ARTICLE);

        List<WebElement> posters = withoutScript.findElements(By.cssSelector(".video-embed .video-poster"));
        assertThat(posters)
                .extracting(
                        WebElement::getTagName,
                        poster -> poster.getDomAttribute("href"),
                        poster -> poster.getDomAttribute("role"))
                .containsExactly(
                        tuple("a", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", null),
                        tuple("a", "https://vimeo.com/76979871", null));
        assertThat(posters.get(0).getText()).contains("Calf stretch", "YouTube");

        posters.get(0).sendKeys(Keys.SPACE);

        assertThat(withoutScript.findElements(By.tagName("iframe"))).isEmpty();
        assertThat(withoutScript.getCurrentUrl()).endsWith(VIDEO_ARTICLE);
    }
}
