package org.rlsblog.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;

/**
 * Collects the comments of an export for the comment store, parents before replies as the store
 * needs them. Pingbacks, trash and empty comments are left out; a reply to one of those hangs under
 * its nearest ancestor that is imported, so no thread loses its replies.
 */
final class CommentCollector {

    private static final String ANONYMOUS = "Anonymous";
    /** What WordPress's comment form leaves in the website field when the reader types nothing. */
    private static final String NO_URL = "http://";

    private final ZoneId timeZone;
    private final ImportReport report;
    private final List<ImportedComment> collected = new ArrayList<>();

    /** @param timeZone the site's, for a comment whose date has no GMT twin */
    CommentCollector(ZoneId timeZone, ImportReport report) {
        this.timeZone = timeZone;
        this.report = report;
    }

    /** Collects the comments of a post that is imported with this slug. */
    void collect(WxrReader.Channel channel, WxrItem item, String slug) throws WxrFormatException {
        new PostComments(channel, item, slug).collect();
    }

    /** Reports every comment of an item that is not imported (or cannot have comments here) as skipped. */
    void leaveOut(WxrItem item, String why) {
        for (WxrItem.Comment c : item.comments()) {
            report.skipped("comment " + c.id() + " on " + item.type() + " " + item.id(), why);
        }
    }

    List<ImportedComment> collected() {
        return collected;
    }

    /** The comments of one post, with what is known of their thread while they are collected. */
    private final class PostComments {

        private final WxrReader.Channel channel;
        private final WxrItem item;
        private final String slug;
        private final Map<Long, WxrItem.Comment> byId = new LinkedHashMap<>();
        private final Map<Long, String> keys = new HashMap<>();
        private final Set<Long> leftOut = new HashSet<>();

        PostComments(WxrReader.Channel channel, WxrItem item, String slug) {
            this.channel = channel;
            this.item = item;
            this.slug = slug;
            item.comments().forEach(c -> byId.put(c.id(), c));
        }

        /** Parents before replies, whatever order the file has them in. */
        void collect() throws WxrFormatException {
            Set<Long> done = new LinkedHashSet<>();
            List<WxrItem.Comment> pending = new ArrayList<>(item.comments());
            pending.sort(Comparator.comparingLong(WxrItem.Comment::id));
            while (!pending.isEmpty()) {
                boolean progress = false;
                for (var it = pending.iterator(); it.hasNext(); ) {
                    WxrItem.Comment c = it.next();
                    if (c.parent() != 0 && byId.containsKey(c.parent()) && !done.contains(c.parent())) {
                        continue;
                    }
                    it.remove();
                    done.add(c.id());
                    progress = true;
                    collect(c);
                }
                if (!progress) {
                    throw new WxrFormatException(item.where() + ": the comments' parents form a loop (comment "
                            + pending.get(0).id() + ")");
                }
            }
        }

        private void collect(WxrItem.Comment c) throws WxrFormatException {
            String what = "comment " + c.id() + " on " + item.type() + " " + item.id();
            if (!c.type().isEmpty() && !c.type().equals("comment")) {
                leaveOut(c, what, "a " + c.type() + ", not a reader's comment");
                return;
            }
            CommentStatus status = status(c);
            if (status == null) {
                leaveOut(c, what, "in the trash");
                return;
            }
            String body = WordPressHtml.toPlainText(c.content());
            if (body.isBlank() || body.length() > CommentColumns.BODY) {
                leaveOut(c, what, body.isBlank() ? "no text" : "longer than " + CommentColumns.BODY + " characters");
                return;
            }
            Instant created = created(c);
            long parent = importedAncestor(c);
            String parentKey = parent == 0 ? null : keys.get(parent);
            String key = "wp:" + item.id() + ":" + c.id();
            keys.put(c.id(), key);
            collected.add(imported(c, key, parentKey, body, status, created));
            report.comment(status);
        }

        /** The comment as the store takes it; a name is cut to its column, an address that does not fit is left out. */
        private ImportedComment imported(
                WxrItem.Comment c,
                String key,
                @Nullable String parentKey,
                String body,
                CommentStatus status,
                Instant created) {
            String name = WordPressHtml.decodeEntities(c.author()).strip();
            name = name.length() > CommentColumns.AUTHOR_NAME ? name.substring(0, CommentColumns.AUTHOR_NAME) : name;
            String email = c.email().length() > CommentColumns.AUTHOR_EMAIL ? "" : c.email();
            String url = c.url().isEmpty() || c.url().equals(NO_URL) || c.url().length() > CommentColumns.AUTHOR_URL
                    ? null
                    : c.url();
            boolean byAuthor = !c.userId().isEmpty()
                    && !c.userId().equals("0")
                    && channel.authorIds().contains(c.userId());
            return ImportedComment.builder()
                    .importKey(key)
                    .postSlug(slug)
                    .parentImportKey(parentKey)
                    .author(new Author(name.isBlank() ? ANONYMOUS : name, email, url))
                    .body(body)
                    .status(status)
                    .byAuthor(byAuthor)
                    .createdAt(created)
                    .build();
        }

        /** The store's status for WordPress's {@code comment_approved}; null for a comment in the trash. */
        private @Nullable CommentStatus status(WxrItem.Comment c) throws WxrFormatException {
            return switch (c.approved()) {
                case "1", "approve" -> CommentStatus.APPROVED;
                case "0", "hold" -> CommentStatus.PENDING;
                case "spam" -> CommentStatus.SPAM;
                case "trash", "post-trashed" -> null;
                default ->
                    throw new WxrFormatException(item.where() + ", comment " + c.id() + " (line " + c.line()
                            + "): unknown <wp:comment_approved> '" + c.approved() + "'");
            };
        }

        /** With the offset from the GMT date; without one, the local date in the site's time zone. */
        private Instant created(WxrItem.Comment c) throws WxrFormatException {
            OffsetDateTime date = WordPressDates.withOffset(c.date(), c.dateGmt());
            if (date != null) {
                return date.toInstant();
            }
            LocalDateTime local = WordPressDates.parse(c.date());
            if (local == null) {
                throw new WxrFormatException(item.where() + ", comment " + c.id() + " (line " + c.line()
                        + "): no valid <wp:comment_date> ('" + c.date() + "')");
            }
            return local.atZone(timeZone).toInstant();
        }

        /** The id of the nearest ancestor not left out (0 for none); a reply hangs under it. */
        private long importedAncestor(WxrItem.Comment c) {
            long parent = c.parent();
            while (parent != 0 && leftOut.contains(parent) && byId.containsKey(parent)) {
                parent = byId.get(parent).parent();
            }
            return parent;
        }

        private void leaveOut(WxrItem.Comment c, String what, String why) {
            report.skipped(what, why);
            leftOut.add(c.id());
        }
    }
}
