package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Keyboard-only use, narrow phone screens, and screenshots of the main pages (under {@code
 * target/screenshots/}) at desktop and phone widths.
 */
class KeyboardAndLayoutBrowserTests extends LiveSiteSupport {

    private static final Browsers browsers = new Browsers();
    private static ChromeDriver reader;
    private static ChromeDriver admin;

    private final SitePages pages = new SitePages(this);

    @BeforeAll
    static void openBrowsers() {
        Browsers.assumeAvailable();
        reader = browsers.open();
        admin = browsers.open();
    }

    @AfterAll
    static void closeBrowsers() {
        browsers.closeAll();
    }

    @Test
    void tabReachesEveryLinkFieldAndButtonOfTheArticleInOrderWithAVisibleFocusOutline() {
        Browsers.viewport(reader, 1280, 900);
        pages.open(reader, SEED_ARTICLE);
        @SuppressWarnings("unchecked")
        List<String> expected = (List<String>) Browsers.js(reader, """
                const all = Array.from(document.querySelectorAll(
                    'a[href], button, input, textarea, select, summary, [tabindex]'))
                  .filter(e => e.tabIndex >= 0 && !e.disabled && e.type !== 'hidden'
                    && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
                return all.map((e, i) => { e.dataset.tabProbe = i;
                  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.getAttribute('href') || e.name || e.textContent.trim()); });
                """);
        assertThat(expected).as("focusable elements").hasSizeGreaterThan(15);

        List<String> reached = new ArrayList<>();
        List<String> withoutOutline = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            new Actions(reader).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) Browsers.js(reader, """
                    const e = document.activeElement, s = getComputedStyle(e);
                    return {probe: e.dataset.tabProbe ?? null,
                      visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'};
                    """);
            String probe = (String) focused.get("probe");
            String element = probe == null ? "(an element not expected)" : expected.get(Integer.parseInt(probe));
            reached.add(element);
            if (!Boolean.TRUE.equals(focused.get("visible"))) {
                withoutOutline.add(element);
            }
        }

        assertThat(reached).as("focus order, one Tab at a time").containsExactlyElementsOf(expected);
        assertThat(withoutOutline).as("focused without a visible outline").isEmpty();
        assertThat(expected.get(0)).as("the first stop").contains("#main");
        assertThat(expected)
                .anySatisfy(e -> assertThat(e).startsWith("a /archive"))
                .anySatisfy(e -> assertThat(e).startsWith("input#name"))
                .anySatisfy(e -> assertThat(e).startsWith("textarea#body"))
                .anySatisfy(e -> assertThat(e).startsWith("button"));
    }

    @Test
    void nothingIsWiderThanA360PixelPhoneAndScreenshotsShowEachPageAtBothWidths() throws IOException {
        pages.open(reader, SEED_ARTICLE);
        SitePages.comment(
                reader,
                "Someone with a very long name that goes on and on without end",
                "long@example.org",
                "Look: https://example.org/a/very/long/address/that/does/not/break/anywhere/at/all/"
                        + "x".repeat(80)
                        + " and Pneumonoultramicroscopicsilicovolcanoconiosis"
                        + "Pneumonoultramicroscopicsilicovolcanoconiosis");
        pages.logInAsAdmin(admin);

        List<String> tooWide = new ArrayList<>();
        for (int[] size : List.of(new int[] {1280, 900}, new int[] {360, 740})) {
            int width = size[0];
            Browsers.viewport(reader, width, size[1]);
            Browsers.viewport(admin, width, size[1]);
            for (var shot : List.of(
                    new Object[] {reader, "/", "home"},
                    new Object[] {reader, SEED_ARTICLE, "article-with-comments"},
                    new Object[] {admin, "/admin/comments?status=pending", "moderation-queue"})) {
                ChromeDriver driver = (ChromeDriver) shot[0];
                pages.open(driver, (String) shot[1]);
                long scrollWidth = (Long) Browsers.js(driver, "return document.documentElement.scrollWidth");
                if (scrollWidth > width) {
                    tooWide.add(shot[1] + " at " + width + " px is " + scrollWidth + " px wide");
                }
                if (shot[1].equals(SEED_ARTICLE)) {
                    Browsers.js(driver, "document.getElementById('comments').scrollIntoView()");
                }
                Path file = Browsers.SCREENSHOTS.resolve(shot[2] + "-" + width + ".png");
                Files.createDirectories(file.getParent());
                Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
                assertThat(pngWidth(file)).as("%s width", file).isEqualTo(width);
            }
        }
        assertThat(tooWide).as("pages that scroll sideways").isEmpty();
    }

    private static int pngWidth(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        return ByteBuffer.wrap(bytes, 16, 4).getInt();
    }
}
