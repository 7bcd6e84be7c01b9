package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A reader in a real browser: home page, the seed article with its comment, a tag, Dutch. */
class ReadingBrowserTests extends LiveSiteSupport {

    private static final Browsers browsers = new Browsers();
    private static WebDriver reader;

    private final SitePages pages = new SitePages(this);

    @BeforeAll
    static void openBrowser() {
        Browsers.assumeAvailable();
        reader = browsers.open();
    }

    @AfterAll
    static void closeBrowser() {
        browsers.closeAll();
    }

    @BeforeEach
    void forgetCookies() {
        reader.manage().deleteAllCookies();
    }

    @Test
    void readsTheHomePageOpensTheSeedArticleWithItsCommentAndFollowsATag() {
        pages.open(reader, "/");
        assertThat(reader.getTitle()).isNotBlank();
        assertThat(reader.findElements(By.cssSelector("article.post-card"))).isNotEmpty();

        reader.findElement(By.linkText("RLS and Liver Diseases")).click();
        SitePages.waitFor(reader).until(ExpectedConditions.urlContains(SEED_ARTICLE));
        assertThat(reader.findElement(By.cssSelector("article.article h1")).getText())
                .isEqualTo("RLS and Liver Diseases");
        assertThat(reader.findElements(By.cssSelector("#comments li.comment")))
                .singleElement()
                .satisfies(comment -> assertThat(comment.getText())
                        .contains("Anonymous", "Fijn om er over te lezen")
                        .doesNotContain("awaiting moderation"));

        reader.findElement(By.cssSelector("article.article .tag-list a[href='/tags/liver']"))
                .click();
        SitePages.waitFor(reader).until(ExpectedConditions.urlContains("/tags/liver"));
        assertThat(reader.findElement(By.tagName("h1")).getText()).contains("liver");
        assertThat(reader.findElements(By.linkText("RLS and Liver Diseases"))).isNotEmpty();
    }

    @Test
    void switchesTheInterfaceToDutchAndKeepsItOnTheNextPage() {
        pages.open(reader, SEED_ARTICLE);
        assertThat(reader.findElement(By.id("respond-title")).getText()).isEqualTo("Leave a comment");

        reader.findElement(By.cssSelector(".language-switch a[hreflang=nl]")).click();
        SitePages.waitFor(reader).until(ExpectedConditions.textToBe(By.id("respond-title"), "Laat een reactie achter"));
        assertThat(reader.findElement(By.cssSelector("#respond button[type=submit]"))
                        .getText())
                .isNotEqualTo("Post comment");

        pages.open(reader, "/posts/iron-and-ferritin");
        assertThat(reader.findElement(By.id("respond-title")).getText()).isEqualTo("Laat een reactie achter");
        assertThat(reader.findElement(By.cssSelector(".language-switch a[hreflang=nl]"))
                        .getAttribute("aria-current"))
                .isEqualTo("true");
    }
}
