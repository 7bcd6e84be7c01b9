package org.rlsblog.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rlsblog.CommentSiteTestSupport;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.rlsblog.content.ContentChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class OrphanedCommentsWarningTests extends CommentSiteTestSupport {

    @Autowired
    OrphanedCommentsWarning warning;

    @Autowired
    JdbcClient jdbc;

    @Test
    void namesAPostThatHasCommentsButNoFileAndHowToShowThemAgain(CapturedOutput output) {
        comments.importComments(List.of(
                comment("test:orphan:1", "renamed-away", CommentStatus.APPROVED),
                comment("test:orphan:2", "renamed-away", CommentStatus.PENDING),
                comment("test:orphan:3", "renamed-away", CommentStatus.SPAM),
                comment("test:orphan:4", "spam-only-post", CommentStatus.SPAM)));

        try {
            warning.onContentChanged(new ContentChanged(NOW, 0, 0, 0));

            assertThat(output.getOut())
                    .contains("2 comments belong to post 'renamed-away'")
                    .contains("give it 'slug: renamed-away' in its front matter")
                    .doesNotContain("'spam-only-post'")
                    .doesNotContain("belong to post '" + SEED_SLUG + "'");
        } finally {
            // the site is shared with other tests (the comments feed, the moderation queue)
            jdbc.sql("DELETE FROM comment WHERE import_key LIKE 'test:orphan:%'")
                    .update();
        }
    }

    private static ImportedComment comment(String key, String slug, CommentStatus status) {
        return ImportedComment.builder()
                .importKey(key)
                .postSlug(slug)
                .author(Author.of("Old Reader", ""))
                .body("Left on a post that moved.")
                .status(status)
                .createdAt(NOW)
                .build();
    }
}
