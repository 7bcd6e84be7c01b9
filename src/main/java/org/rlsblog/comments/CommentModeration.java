package org.rlsblog.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the author does to comments: approve, unapprove, mark as spam, trash, edit, delete, reply.
 * Each change bumps the post's comment version in its transaction and publishes {@link CommentChanged}.
 */
@Component
class CommentModeration {

    private final CommentReads reads;
    private final CommentWrites writes;
    private final CommentVersions versions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CommentModeration(
            CommentReads reads,
            CommentWrites writes,
            CommentVersions versions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.reads = reads;
        this.writes = writes;
        this.versions = versions;
        this.clock = clock;
        this.events = events;
    }

    /** Moves a comment to a status; false if there is no such comment. */
    boolean moderate(long id, CommentStatus status) {
        Optional<Comment> comment = reads.findById(id);
        Instant now = clock.instant();
        if (comment.isEmpty()
                || !versions.change(comment.get().postSlug(), () -> writes.updateStatus(id, status, now))) {
            return false;
        }
        events.publishEvent(new CommentChanged(comment.get().postSlug()));
        if (status == CommentStatus.APPROVED && !comment.get().isApproved()) {
            events.publishEvent(new CommentApproved(id, comment.get().postSlug(), now));
        }
        return true;
    }

    boolean edit(long id, String body) {
        Optional<Comment> comment = reads.findById(id);
        if (comment.isEmpty()
                || !versions.change(
                        comment.get().postSlug(),
                        () -> writes.updateBody(id, body, NewRow.bodyHash(body), clock.instant()))) {
            return false;
        }
        events.publishEvent(new CommentChanged(comment.get().postSlug()));
        return true;
    }

    boolean delete(long id) {
        Optional<Comment> comment = reads.findById(id);
        if (comment.isEmpty() || !versions.change(comment.get().postSlug(), () -> writes.delete(id))) {
            return false;
        }
        events.publishEvent(new CommentChanged(comment.get().postSlug()));
        return true;
    }

    /** The author's reply, published at once and marked as the author's; empty if the parent is gone. */
    Optional<Comment> replyAsAuthor(long parentId, Author author, String body) {
        Optional<Comment> found = reads.findById(parentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Comment parent = found.get();
        Instant now = clock.instant();
        NewRow reply = NewRow.builder()
                .postSlug(parent.postSlug())
                .parentId(parent.id())
                .author(author.withStoredEmail())
                .body(body)
                .status(CommentStatus.APPROVED)
                .byAuthor(true)
                .createdAt(now)
                .build();
        long id = versions.change(parent.postSlug(), () -> writes.insert(reply, now));
        if (parent.status() == CommentStatus.PENDING) {
            versions.change(parent.postSlug(), () -> writes.updateStatus(parentId, CommentStatus.APPROVED, now));
            events.publishEvent(new CommentApproved(parentId, parent.postSlug(), now));
        }
        events.publishEvent(new CommentChanged(parent.postSlug()));
        events.publishEvent(new CommentApproved(id, parent.postSlug(), now));
        return reads.findById(id);
    }
}
