package org.rlsblog.desk;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.references.ReferenceChecks;
import org.springframework.stereotype.Component;

/** The broken references as the desk and the digest show them: each with the articles that cite it. */
@Component
class ReferenceReport {

    private final ReferenceChecks checks;
    private final PostCatalog catalog;
    private final ZoneId zone;

    ReferenceReport(ReferenceChecks checks, PostCatalog catalog, ContentProperties content) {
        this.checks = checks;
        this.catalog = catalog;
        this.zone = content.timeZone();
    }

    record Article(String title, String url) {}

    record BrokenView(String url, List<Article> articles, String since, String answer) {}

    /**
     * @param statusLine one line instead of the list ("cannot check references: no network"), or null
     * @param off whether the checker is switched off
     */
    record View(@Nullable String statusLine, boolean off, List<BrokenView> broken) {}

    View report(Locale locale) {
        Map<String, List<Article>> citedBy = new HashMap<>();
        for (Post post : catalog.published()) {
            for (String url : post.citations()) {
                citedBy.computeIfAbsent(url, u -> new ArrayList<>()).add(new Article(post.title(), post.url()));
            }
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone);
        List<BrokenView> broken = checks.broken().stream()
                .filter(link -> citedBy.containsKey(link.url()))
                .map(link ->
                        new BrokenView(link.url(), citedBy.get(link.url()), format.format(link.since()), link.answer()))
                .toList();
        return new View(checks.problem().orElse(null), !checks.enabled(), broken);
    }
}
