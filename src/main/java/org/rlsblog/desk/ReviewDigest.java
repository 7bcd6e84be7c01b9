package org.rlsblog.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.Reviews;
import org.rlsblog.notification.AuthorMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly mail to the author: articles overdue for review, broken references and comments
 * waiting for moderation. Sent once a week (ISO week, in the site's time zone) when the site can
 * send mail and {@code blog.review.digest} is on; a week with nothing to report sends nothing.
 */
@Component
class ReviewDigest {

    private static final Logger log = LoggerFactory.getLogger(ReviewDigest.class);

    private final Reviews reviews;
    private final DeskRows rows;
    private final ReferenceReport references;
    private final CommentService comments;
    private final PostCatalog catalog;
    private final AuthorMail mail;
    private final JdbcClient jdbc;
    private final ContentProperties site;
    private final Clock clock;

    ReviewDigest(
            Reviews reviews,
            DeskRows rows,
            ReferenceReport references,
            CommentService comments,
            PostCatalog catalog,
            AuthorMail mail,
            JdbcClient jdbc,
            ContentProperties site,
            Clock clock) {
        this.reviews = reviews;
        this.rows = rows;
        this.references = references;
        this.comments = comments;
        this.catalog = catalog;
        this.mail = mail;
        this.jdbc = jdbc;
        this.site = site;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void scheduledDigest() {
        sendIfDue();
    }

    /** Sends this week's digest unless it went already; whether a mail went out now. */
    boolean sendIfDue() {
        if (!reviews.properties().digest() || !mail.canSend()) {
            return false;
        }
        String text = text();
        if (text.isEmpty() || !claim(week(reviews.today()))) {
            return false;
        }
        return mail.send("Weekly digest: reviews, references and comments", text);
    }

    /** Writes the week's row; false when another replica, or an earlier run, wrote it first. */
    private boolean claim(String week) {
        try {
            jdbc.sql("INSERT INTO review_digest (week, sent_at) VALUES (:week, :now)")
                    .param("week", week)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException sentAlready) {
            return false;
        }
    }

    static String week(LocalDate day) {
        return String.format(
                Locale.ROOT,
                "%d-W%02d",
                day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The mail's text; empty when there is nothing to report. */
    String text() {
        StringBuilder text = new StringBuilder();
        List<Post> overdue = rows.overdue();
        if (!overdue.isEmpty()) {
            text.append("Due for review:\n");
            overdue.forEach(post -> text.append("- ")
                    .append(post.title())
                    .append(" (due ")
                    .append(reviews.due(post).orElseThrow())
                    .append("): ")
                    .append(site.absolute(post.url()))
                    .append('\n'));
            text.append('\n');
        }
        ReferenceReport.View report = references.report(Locale.ENGLISH);
        if (report.statusLine() != null) {
            text.append(report.statusLine()).append("\n\n");
        } else if (!report.broken().isEmpty()) {
            text.append("Broken references:\n");
            report.broken()
                    .forEach(link -> text.append("- ")
                            .append(link.url())
                            .append(" (")
                            .append(link.answer())
                            .append(", since ")
                            .append(link.since())
                            .append(") in ")
                            .append(String.join(
                                    ", ",
                                    link.articles().stream()
                                            .map(ReferenceReport.Article::title)
                                            .toList()))
                            .append('\n'));
            text.append('\n');
        }
        Map<String, Long> pending = comments.countsByPost(CommentStatus.PENDING);
        if (!pending.isEmpty()) {
            text.append("Comments waiting for moderation:\n");
            pending.forEach((slug, count) -> text.append("- ")
                    .append(count)
                    .append(" on ")
                    .append(catalog.findAnyPost(slug).map(Post::title).orElse(slug))
                    .append('\n'));
            text.append(site.absolute("/admin/comments")).append("\n\n");
        }
        if (text.isEmpty()) {
            return "";
        }
        return text.append("The author's desk: ")
                .append(site.absolute("/admin/posts"))
                .append('\n')
                .toString();
    }
}
