package org.rlsblog.moderation;

import java.util.Map;
import org.rlsblog.comments.CommentService;
import org.rlsblog.content.ContentChanged;
import org.rlsblog.content.PostCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Comments are stored by their post's slug, which is the file name unless front matter sets
 * {@code slug:}. Renaming a post's file (or changing its slug) would silently leave its comments
 * behind: after each content load, this warns about every slug that has approved or pending
 * comments but no post, and says how to bring them back.
 */
@Component
class OrphanedCommentsWarning {

    private static final Logger log = LoggerFactory.getLogger(OrphanedCommentsWarning.class);

    private final CommentService comments;
    private final PostCatalog catalog;

    OrphanedCommentsWarning(CommentService comments, PostCatalog catalog) {
        this.comments = comments;
        this.catalog = catalog;
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        Map<String, Long> bySlug;
        try {
            bySlug = comments.commentsByPost();
        } catch (DataAccessException storeAway) {
            log.debug("Comments not checked against the content: {}", storeAway.getMessage());
            return;
        }
        bySlug.forEach((slug, count) -> {
            if (catalog.findAnyPost(slug).isEmpty()) {
                log.warn(
                        "{} comments belong to post '{}', which no file in the content folder is now:"
                                + " they are not shown. If the post was renamed, give it 'slug: {}' in its front"
                                + " matter (and the old address under 'aliases:') to show them again.",
                        count,
                        slug,
                        slug);
            }
        });
    }
}
