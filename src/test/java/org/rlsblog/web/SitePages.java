package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a reader and the admin do on the site, step by step, in a browser (the tests' vocabulary). */
final class SitePages {

    private static final Pattern COMMENT_ANCHOR = Pattern.compile("#comment-(\\d+)$");

    private final LiveSiteSupport site;

    SitePages(LiveSiteSupport site) {
        this.site = site;
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    void open(WebDriver driver, String path) {
        driver.get(site.url(path));
        waitFor(driver).until(d -> Browsers.js(d, "return document.readyState").equals("complete"));
    }

    /** Types into the article's comment form as a person would. */
    static void fill(WebDriver driver, String field, String text) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets a field's value directly: for text no keyboard types (direction overrides, zero-width). */
    static void paste(WebDriver driver, String field, String text) {
        Browsers.js(driver, "document.getElementById(arguments[0]).value = arguments[1];", field, text);
    }

    static void submitComment(WebDriver driver) {
        clickAndWaitForNextPage(driver, driver.findElement(By.cssSelector("#respond button[type=submit]")));
    }

    /** Clicks and waits until the browser shows the next document (the form's answer). */
    static void clickAndWaitForNextPage(WebDriver driver, WebElement element) {
        Browsers.js(driver, "window.__stillThisPage = true;");
        element.click();
        waitFor(driver)
                .until(d -> Browsers.js(
                                d, "return window.__stillThisPage !== true && document.readyState === 'complete'")
                        .equals(Boolean.TRUE));
    }

    /** Comments on the page open in this browser; returns the new comment's id. */
    static long comment(WebDriver driver, String name, String email, String body) {
        fill(driver, "name", name);
        fill(driver, "email", email);
        fill(driver, "body", body);
        submitComment(driver);
        return commentIdFromAddress(driver);
    }

    static long commentIdFromAddress(WebDriver driver) {
        Matcher anchor = COMMENT_ANCHOR.matcher(driver.getCurrentUrl());
        assertThat(anchor.find())
                .as(
                        "redirected to the new comment, but at %s: %s",
                        driver.getCurrentUrl(),
                        driver.findElement(By.tagName("body")).getText())
                .isTrue();
        return Long.parseLong(anchor.group(1));
    }

    void logInAsAdmin(WebDriver admin) {
        open(admin, "/admin/login");
        admin.findElement(By.id("username")).sendKeys("admin");
        admin.findElement(By.id("password")).sendKeys(LiveSiteSupport.ADMIN_PASSWORD);
        clickAndWaitForNextPage(admin, admin.findElement(By.cssSelector("main button[type=submit]")));
        waitFor(admin).until(ExpectedConditions.urlContains("/admin/comments"));
    }

    /** Clicks "Approve" on the comment in the moderation queue (the admin is logged in). */
    void approve(WebDriver admin, long commentId) {
        open(admin, "/admin/comments?status=pending");
        clickAndWaitForNextPage(
                admin, admin.findElement(By.cssSelector("#queue-" + commentId + " button[name=approve]")));
        assertThat(admin.findElements(By.id("queue-" + commentId)))
                .as("comment %d left the pending queue", commentId)
                .isEmpty();
    }

    static void assertNoAlert(WebDriver driver) {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("a JavaScript alert ran: " + text);
        } catch (NoAlertPresentException expected) {
            // no script of a reader's ran
        }
    }
}
