package org.rlsblog.moderation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.Comment;

/**
 * One comment in the moderation queue, with the post it is on and the actions its buttons offer; the
 * page links only an http(s) address.
 */
record QueueItem(
        long id,
        String postTitle,
        String postUrl,
        Author author,
        String body,
        String createdIso,
        String createdText,
        boolean byAuthor,
        boolean isReply,
        List<String> actions) {

    /** A comment in the queue, on the post titled {@code postTitle}, written at {@code created}. */
    static QueueItem of(Comment c, String postTitle, ZonedDateTime created, Locale locale) {
        return new QueueItem(
                c.id(),
                postTitle,
                "/posts/" + c.postSlug() + "#" + c.anchor(),
                c.author(),
                c.body(),
                created.toOffsetDateTime().toString(),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(created),
                c.byAuthor(),
                c.parentId() != null,
                ModerationAction.offeredFor(c.status()));
    }
}
