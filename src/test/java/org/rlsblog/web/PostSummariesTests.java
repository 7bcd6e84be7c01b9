package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.CommentSiteTestSupport;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The comment count on a post's card in a list, and where it is left out. */
class PostSummariesTests extends CommentSiteTestSupport {

    private static final String KEY = "test:post-summaries:";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheComments() {
        jdbc.sql("DELETE FROM comment WHERE import_key LIKE '" + KEY + "%'").update();
    }

    @Test
    void showsNoCommentCountOnTheCardOfAPostWithHiddenComments() {
        comments.importComments(List.of(approved("hidden", "hidden"), approved("closed", "closed")));

        Document list = html(mvc.get().uri("/tags/comments-test").exchange());
        assertThat(list.select("article.post-card")).isNotEmpty();

        assertThat(card(list, "hidden").select(".comment-count")).isEmpty();
        assertThat(card(list, "closed").select(".comment-count").text()).isNotEmpty();
        assertThat(list.select("a[href=/posts/hidden#comments]")).isEmpty();
    }

    private static Element card(Document list, String slug) {
        Element card = list.selectFirst("article.post-card:has(h2 a[href=/posts/" + slug + "])");
        assertThat(card).as("card of %s", slug).isNotNull();
        return card;
    }

    private static ImportedComment approved(String key, String slug) {
        return ImportedComment.builder()
                .importKey(KEY + key)
                .postSlug(slug)
                .author(Author.of("Card Reader", ""))
                .body("A word.")
                .status(CommentStatus.APPROVED)
                .createdAt(NOW)
                .build();
    }
}
