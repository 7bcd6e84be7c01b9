package org.rlsblog.comments;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The comments API that other packages call: threads and counts for readers, a reader's submission
 * and tokens, moderation and imports. Each job is done by a package-private class; this hands over.
 */
@Service
public class CommentService {

    private final CommentReads reads;
    private final CommentVersions versions;
    private final CommentProperties properties;
    private final ReaderTokens readerTokens;
    private final CommentSubmissions submissions;
    private final CommentModeration moderation;
    private final ModerationLinks moderationLinks;
    private final CommentImports imports;

    CommentService(
            CommentReads reads,
            CommentVersions versions,
            CommentProperties properties,
            ReaderTokens readerTokens,
            CommentSubmissions submissions,
            CommentModeration moderation,
            ModerationLinks moderationLinks,
            CommentImports imports) {
        this.reads = reads;
        this.versions = versions;
        this.properties = properties;
        this.readerTokens = readerTokens;
        this.submissions = submissions;
        this.moderation = moderation;
        this.moderationLinks = moderationLinks;
        this.imports = imports;
    }

    // ---- Reading ----

    /** The approved comments of a post as a thread, plus the reader's own pending ones. */
    public CommentThread thread(String postSlug, Collection<Long> ownPendingIds) {
        return CommentThread.of(reads.findVisible(postSlug, ownPendingIds), properties.maxDepth());
    }

    /** Approved comment counts for these posts; a post without comments is absent. */
    public Map<String, Long> approvedCounts(Collection<String> postSlugs) {
        return reads.countApproved(postSlugs);
    }

    public Optional<Comment> find(long id) {
        return reads.findById(id);
    }

    public List<Comment> latestApproved(int limit) {
        return reads.findLatestApproved(limit);
    }

    /** How often and when a post's comments last changed, as the database says (the same for every replica). */
    public CommentVersion version(String postSlug) {
        return versions.version(postSlug);
    }

    public int maxDepth() {
        return properties.maxDepth();
    }

    // ---- A reader's comment ----

    /** A signed token for a comment form shown now; {@link #submit} checks how long ago that was. */
    public String formToken() {
        return readerTokens.formToken();
    }

    /** The token for a form shown again after its comment was refused, so that it can be sent again at once. */
    public String formTokenForRetry(@Nullable String previous) {
        return readerTokens.formTokenForRetry(previous);
    }

    /**
     * Why another form of the site that carries a {@link #formToken} (a subscription form) is
     * refused when sent now: too fast for a person, or the token expired or is not genuine.
     */
    public Optional<Rejection> formTimeProblem(@Nullable String formToken) {
        return Optional.ofNullable(readerTokens.formTokenProblem(formToken));
    }

    /**
     * Applies the rules and spam checks and, if they pass, stores the comment. When this returns
     * {@link SubmitResult.Accepted}, the comment is committed.
     */
    public SubmitResult submit(Submission submission) {
        return submissions.submit(submission);
    }

    /** A token that lets the writer of a pending comment see it; see {@link #pendingIdFrom}. */
    public String pendingToken(long commentId) {
        return readerTokens.pendingToken(commentId);
    }

    /** The comment id in a token made by {@link #pendingToken}, if the token is genuine. */
    public Optional<Long> pendingIdFrom(String token) {
        return readerTokens.pendingId(token);
    }

    /**
     * A token for the browser that confirmed this address by the link mailed to it: sent back with a
     * comment from the address ({@link Submission#addressToken}), it proves the commenter owns it.
     */
    public String addressToken(String email) {
        return readerTokens.addressToken(email);
    }

    // ---- Moderation ----

    /** The post slugs that have approved or pending comments, with how many. */
    public Map<String, Long> commentsByPost() {
        return reads.countShownOrAwaitingBySlug();
    }

    /** How many comments each post has in one status; a post without any is absent. */
    public Map<String, Long> countsByPost(CommentStatus status) {
        return reads.countBySlug(status);
    }

    public Map<CommentStatus, Long> countByStatus() {
        return reads.countByStatus();
    }

    public List<Comment> queue(CommentStatus status, int offset, int limit) {
        return reads.findByStatus(status, offset, limit);
    }

    /** Moves a comment to a status (approve, unapprove, spam, trash); false if there is no such comment. */
    public boolean moderate(long id, CommentStatus status) {
        return moderation.moderate(id, status);
    }

    public boolean edit(long id, String body) {
        return moderation.edit(id, body);
    }

    public boolean delete(long id) {
        return moderation.delete(id);
    }

    /** The author's reply, published at once and marked as the author's; empty if the parent is gone. */
    public Optional<Comment> replyAsAuthor(long parentId, Author author, String body) {
        return moderation.replyAsAuthor(parentId, author, body);
    }

    /**
     * A signed, expiring token for a one-click moderation link in the author's e-mail. Only
     * approving and marking as spam can be done this way.
     */
    public String moderationToken(long id, CommentStatus status) {
        return moderationLinks.token(id, status);
    }

    /** What a genuine, unexpired moderation token asks for. */
    public Optional<ModerationRequest> moderationRequest(String token) {
        return moderationLinks.request(token);
    }

    // ---- Import ----

    /**
     * Stores comments that are not stored yet, parents before replies (the list must be in that
     * order). Returns how many were added. A comment deleted since it was imported is not imported again.
     */
    public int importComments(List<ImportedComment> comments) {
        return imports.importComments(comments);
    }

    /** Whether a file of comments with this SHA-256 was imported whole before (see {@link #markImportedFile}). */
    public boolean isImportedFile(String sha256) {
        return imports.isImportedFile(sha256);
    }

    /** Records that every comment of a file with this SHA-256 was imported, so an unchanged file is skipped. */
    public void markImportedFile(String sha256) {
        imports.markImportedFile(sha256);
    }
}
