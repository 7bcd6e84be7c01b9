package org.rlsblog.content;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Markdown lives and how it is read.
 *
 * @param contentDir folder with {@code posts/}, {@code pages/} and {@code media/} (env {@code BLOG_CONTENT_DIR})
 * @param timeZone zone of dates written without an offset in front matter, and of dates shown to readers
 * @param watch whether to watch the content folder and reload changed files while running
 * @param reloadDelay how long to wait for a burst of file changes to settle before reloading
 * @param tocMinHeadings with {@code toc: auto}, the number of headings from which a post shows a table of contents
 * @param wordsPerMinute reading speed used for the "N min read" estimate
 * @param baseUrl the public address of the site, for absolute links (feeds, e-mails, canonical URLs)
 * @param dataDir the data folder (env {@code BLOG_DATA_DIR}): the embedded store and the image variants live there
 */
@Validated
@ConfigurationProperties("blog")
public record ContentProperties(
        @DefaultValue("./content") @NotNull Path contentDir,
        @DefaultValue("Europe/Amsterdam") @NotNull ZoneId timeZone,
        @DefaultValue("true") boolean watch,
        @DefaultValue("300ms") @NotNull Duration reloadDelay,
        @DefaultValue("3") @Min(1) int tocMinHeadings,
        @DefaultValue("200") @Min(50) int wordsPerMinute,
        @DefaultValue("http://localhost:8080") @NotNull URI baseUrl,
        @DefaultValue("./data") @NotNull Path dataDir) {

    /** An absolute URL for a site path such as {@code /posts/x}. */
    public String absolute(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
