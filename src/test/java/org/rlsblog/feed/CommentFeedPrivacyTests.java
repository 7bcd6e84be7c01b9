package org.rlsblog.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.CommentSiteTestSupport;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The comment feed shows only what the site shows: comments on a published post whose comments
 * are shown (open or closed). Comments on a post with {@code comments: hidden}, on a scheduled
 * post, or on a slug with no post (a draft, or a post deleted or renamed) stay out of it.
 */
class CommentFeedPrivacyTests extends CommentSiteTestSupport {

    private static final String KEY = "test:feed-privacy:";
    private static final int FEED_SIZE = 30;
    /** Other tests' comments are dated around {@link #NOW}; these come first in the feed. */
    private static final Instant NEWER_THAN_OTHER_TESTS_COMMENTS = NOW.plus(Duration.ofDays(30));

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheComments() {
        // the site is shared with other tests (moderation counts, orphaned-comment warnings)
        jdbc.sql("DELETE FROM comment WHERE import_key LIKE '" + KEY + "%'").update();
    }

    @Test
    void listsCommentsOnlyOnPublishedPostsThatShowThem() {
        Instant at = NEWER_THAN_OTHER_TESTS_COMMENTS;
        comments.importComments(List.of(
                approved("open", "open-for-comments", "Shown under an open post.", at),
                approved("closed", "closed", "Shown under a closed post.", at),
                approved("hidden", "hidden", "My diagnosis, on a post that hides comments.", at),
                approved("scheduled", "scheduled", "Early words on a post not out yet.", at),
                approved("deleted", "a-post-since-deleted", "Words on a post that is gone.", at)));

        List<String> summaries = summaries();

        assertThat(summaries)
                .contains("Shown under an open post.", "Shown under a closed post.")
                .doesNotContain(
                        "My diagnosis, on a post that hides comments.",
                        "Early words on a post not out yet.",
                        "Words on a post that is gone.");
    }

    @Test
    void listsACommentOnAScheduledPostOnceThePostIsOut() {
        comments.importComments(
                List.of(approved("later", "scheduled", "Waiting for the post.", NEWER_THAN_OTHER_TESTS_COMMENTS)));
        assertThat(summaries()).doesNotContain("Waiting for the post.");

        Instant before = clock.instant();
        clock.set(SCHEDULED_AT.plusSeconds(60));
        try {
            assertThat(summaries()).contains("Waiting for the post.");
        } finally {
            clock.set(before);
        }
    }

    @Test
    void fillsTheFeedWithOlderShownCommentsWhenTheNewestAreHidden() {
        // the newest approved comments in the store are all hidden ones
        Instant base = NEWER_THAN_OTHER_TESTS_COMMENTS;
        List<ImportedComment> imported = new ArrayList<>();
        IntStream.range(0, FEED_SIZE)
                .forEach(i -> imported.add(
                        approved("shown-" + i, "open-for-comments", "Shown " + i + ".", base.plusSeconds(i))));
        IntStream.range(0, FEED_SIZE + 10)
                .forEach(i -> imported.add(approved(
                        "hidden-" + i,
                        "hidden",
                        "Hidden " + i + ".",
                        base.plus(Duration.ofDays(1)).plusSeconds(i))));
        comments.importComments(imported);

        List<String> summaries = summaries();

        assertThat(summaries).hasSize(FEED_SIZE).noneMatch(s -> s.startsWith("Hidden"));
        assertThat(summaries.get(0)).isEqualTo("Shown " + (FEED_SIZE - 1) + ".");
        assertThat(summaries.get(FEED_SIZE - 1)).isEqualTo("Shown 0.");
    }

    private List<String> summaries() {
        MvcTestResult result = mvc.get().uri("/comments/feed.atom").exchange();
        assertThat(result).hasStatusOk();
        String xml = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        Document feed = Jsoup.parse(xml, "", Parser.xmlParser());
        return feed.select("feed > entry > summary").eachText();
    }

    private static ImportedComment approved(String key, String slug, String body, Instant at) {
        return ImportedComment.builder()
                .importKey(KEY + key)
                .postSlug(slug)
                .author(Author.of("Feed Reader", ""))
                .body(body)
                .status(CommentStatus.APPROVED)
                .createdAt(at)
                .build();
    }
}
