package org.rlsblog.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.rlsblog.SiteFolders;

/**
 * Headless Chromium sessions from the system's {@code /usr/bin/chromium} and {@code
 * /usr/bin/chromedriver}, so Selenium Manager never downloads anything. Without them the browser
 * tests are skipped, unless {@code BLOG_REQUIRE_BROWSER=true} (CI), where that is a failure.
 */
final class Browsers {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final List<ChromeDriver> open = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    /** Skips (or, when CI requires a browser, fails) the calling test class without Chromium. */
    static void assumeAvailable() {
        boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        String reason = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver)";
        if (!available && "true".equalsIgnoreCase(System.getenv("BLOG_REQUIRE_BROWSER"))) {
            fail(reason + ", and BLOG_REQUIRE_BROWSER=true");
        }
        Assumptions.assumeTrue(available, reason);
    }

    /** A new browser with a fresh profile: no cookies, no history, a separate person. */
    ChromeDriver open() {
        return open(true);
    }

    /** As {@link #open()}, for a reader who has switched JavaScript off. */
    ChromeDriver openWithoutJavaScript() {
        return open(false);
    }

    private ChromeDriver open(boolean javaScript) {
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        try {
            Path profile = Files.createTempDirectory("rls-blog-chromium");
            profiles.add(profile);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                    "--lang=en-US",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption(
                    "prefs",
                    javaScript
                            ? Map.of("intl.accept_languages", "en-US,en")
                            : Map.of(
                                    "intl.accept_languages",
                                    "en-US,en",
                                    "profile.managed_default_content_settings.javascript",
                                    2));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            open.add(driver);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closeAll() {
        for (WebDriver driver : open) {
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // the browser is gone already
            }
        }
        open.clear();
        profiles.forEach(SiteFolders::deleteQuietly);
        profiles.clear();
    }

    /** Emulates a device of this size (CSS pixels), as a phone's browser would lay out the page. */
    static void viewport(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
