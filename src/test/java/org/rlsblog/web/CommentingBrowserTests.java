package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Comments in real browsers, each browser a different person: the writer, the admin, and other
 * readers who never saw the comment being written.
 */
class CommentingBrowserTests extends LiveSiteSupport {

    /** Hostile text a reader might post: none of it may ever run in another reader's browser. */
    static final List<String> HOSTILE_BODIES = List.of(
            "<script>alert('xss-script')</script>",
            "<img src=x onerror=alert('xss-img')>",
            "<svg onload=alert('xss-svg')><circle r=10></circle></svg>",
            "<iframe src=\"javascript:alert('xss-iframe')\"></iframe>",
            "Click javascript:alert('xss-url') or [here](javascript:alert('xss-md')) <a href=\"javascript:alert(1)\">me</a>",
            "\u202Egnp.exe\u202C <b onmouseover=alert('xss-rtl')>right to left</b>",
            "zero\u200Bwidth\u200D <scr\u200Bipt>alert('xss-zw')</scr\u200Bipt> \uFEFF<img\u200B src=x onerror=alert(2)>",
            "\"><script>alert('xss-attr')</script><style>body{display:none}</style>");

    private static final Browsers browsers = new Browsers();
    private static WebDriver admin;

    private final SitePages pages = new SitePages(this);

    @BeforeAll
    static void openAdminBrowser() {
        Browsers.assumeAvailable();
        admin = browsers.open();
    }

    @AfterAll
    static void closeBrowsers() {
        browsers.closeAll();
    }

    @Test
    void aCommentIsHeldUntilTheAdminApprovesItThenEveryoneSeesItAndRepliesNestUnderIt() {
        WebDriver writer = browsers.open();
        pages.open(writer, SEED_ARTICLE);
        long id = SitePages.comment(
                writer, "Marieke", "marieke@example.org", "My legs are worse in the evening, is that the liver too?");

        WebElement own = writer.findElement(By.id("comment-" + id));
        assertThat(own.getText()).contains("Marieke", "Your comment is awaiting moderation", "worse in the evening");

        WebDriver stranger = browsers.open();
        pages.open(stranger, SEED_ARTICLE);
        assertThat(stranger.findElements(By.id("comment-" + id)))
                .as("a held comment is shown only to its writer")
                .isEmpty();

        pages.logInAsAdmin(admin);
        pages.approve(admin, id);

        WebDriver later = browsers.open();
        pages.open(later, SEED_ARTICLE);
        WebElement published = later.findElement(By.id("comment-" + id));
        assertThat(published.getText())
                .contains("Marieke", "worse in the evening")
                .doesNotContain("awaiting");
        pages.open(writer, SEED_ARTICLE);
        assertThat(writer.findElement(By.id("comment-" + id)).getText()).doesNotContain("awaiting");

        later.findElement(By.cssSelector("#comment-" + id + " .reply-link")).click();
        SitePages.waitFor(later).until(ExpectedConditions.urlContains("replyTo=" + id));
        assertThat(later.findElement(By.id("respond-title")).getText()).isEqualTo("Reply to Marieke");
        long replyId = SitePages.comment(later, "Joost", "joost@example.org", "Same here, ask for your ferritin.");

        assertThat(later.findElement(By.cssSelector("#comment-" + id + " > ol.comment-replies > #comment-" + replyId))
                        .getText())
                .contains("Joost", "awaiting moderation");
        pages.approve(admin, replyId);

        pages.open(stranger, SEED_ARTICLE);
        WebElement reply =
                stranger.findElement(By.cssSelector("#comment-" + id + " > ol.comment-replies > #comment-" + replyId));
        assertThat(reply.getText()).contains("Joost", "ferritin").doesNotContain("awaiting");
    }

    @Test
    void aFormWithAnErrorKeepsEverythingTheReaderTyped() {
        WebDriver reader = browsers.open();
        pages.open(reader, SEED_ARTICLE);
        SitePages.fill(reader, "email", "kept@example.org");
        SitePages.fill(reader, "website", "https://kept.example.org/blog");
        SitePages.fill(reader, "body", "A long thought\nover two lines, which I do not want to type again.");
        reader.findElement(By.id("remember")).click();
        SitePages.submitComment(reader);

        assertThat(reader.findElements(By.id("name-error")))
                .as(
                        "name error shown, on %s",
                        reader.findElement(By.tagName("body")).getText())
                .hasSize(1);
        assertThat(reader.findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(reader.findElement(By.id("email")).getAttribute("value")).isEqualTo("kept@example.org");
        assertThat(reader.findElement(By.id("website")).getAttribute("value"))
                .isEqualTo("https://kept.example.org/blog");
        assertThat(reader.findElement(By.id("body")).getAttribute("value"))
                .isEqualTo("A long thought\nover two lines, which I do not want to type again.");
        assertThat(reader.findElement(By.id("remember")).isSelected()).isTrue();
    }

    @Test
    void hostileCommentsNeverRunScriptAfterApproval() {
        WebDriver attacker = browsers.open();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < HOSTILE_BODIES.size(); i++) {
            pages.open(attacker, SEED_ARTICLE);
            SitePages.paste(attacker, "name", "<script>alert('xss-name')</script>\u202E" + i);
            SitePages.paste(attacker, "email", "attacker" + i + "@example.org");
            SitePages.paste(attacker, "website", "https://example.org/\"><script>alert('xss-website')</script>");
            SitePages.paste(attacker, "body", HOSTILE_BODIES.get(i));
            SitePages.submitComment(attacker);
            ids.add(SitePages.commentIdFromAddress(attacker));
            SitePages.assertNoAlert(attacker);
        }

        pages.open(attacker, SEED_ARTICLE);
        SitePages.fill(attacker, "name", "Website trick");
        SitePages.fill(attacker, "email", "trick@example.org");
        SitePages.paste(attacker, "website", "javascript:alert('xss-website-scheme')");
        SitePages.fill(attacker, "body", "Look at my site");
        SitePages.submitComment(attacker);
        assertThat(attacker.findElements(By.id("website-error")))
                .as(
                        "website error shown, on %s",
                        attacker.findElement(By.tagName("body")).getText())
                .hasSize(1);
        SitePages.assertNoAlert(attacker);

        pages.logInAsAdmin(admin);
        SitePages.assertNoAlert(admin);
        assertNoActiveContent(admin, ".queue-item");
        ids.forEach(id -> pages.approve(admin, id));

        WebDriver reader = browsers.open();
        pages.open(reader, SEED_ARTICLE);
        SitePages.assertNoAlert(reader);
        for (long id : ids) {
            assertThat(reader.findElements(By.id("comment-" + id)))
                    .as("approved comment %d is on the page", id)
                    .hasSize(1);
        }
        assertNoActiveContent(reader, ".comment");
        assertThat(reader.findElement(By.id("comment-" + ids.get(0))).getText())
                .as("markup is shown as the text the reader typed")
                .contains("<script>alert('xss-script')</script>");
        assertThat(reader.findElement(By.tagName("body")).isDisplayed()).isTrue();
    }

    private static void assertNoActiveContent(WebDriver driver, String scope) {
        String selector = String.join(
                ", ",
                List.of(" script", " img", " svg", " iframe", " style", " [onload]", " [onerror]", " [onmouseover]")
                        .stream()
                        .map(s -> scope + s)
                        .toList());
        assertThat(Browsers.js(driver, "return document.querySelectorAll(arguments[0]).length", selector))
                .as("elements matching %s", selector)
                .isEqualTo(0L);
        assertThat(Browsers.js(
                        driver,
                        "return Array.from(document.querySelectorAll(arguments[0]))"
                                + ".filter(a => !/^https?:/i.test(a.href)).map(a => a.href)",
                        scope + " a[href]"))
                .as("links that are not http(s)")
                .asList()
                .isEmpty();
    }
}
