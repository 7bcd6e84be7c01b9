package org.rlsblog.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything that happens to comments: a reader submits one (rules and spam checks, then one
 * committed insert), readers see a post's thread, the author moderates. Each change publishes
 * {@link CommentChanged}.
 */
@Service
public class CommentService {

    private static final Logger log = LoggerFactory.getLogger(CommentService.class);
    private static final Duration FORM_LIFETIME = Duration.ofDays(1);
    private static final Duration MODERATION_LINK_LIFETIME = Duration.ofDays(14);

    private final CommentReads reads;
    private final CommentWrites writes;
    private final ImportRecords imports;
    private final CommentVersions versions;
    private final CommentProperties properties;
    private final SiteSecrets secrets;
    private final SignedTokens tokens;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final GroupCommit submissions;

    CommentService(
            CommentReads reads,
            CommentWrites writes,
            ImportRecords imports,
            CommentVersions versions,
            CommentProperties properties,
            SiteSecrets secrets,
            SignedTokens tokens,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.submissions = new GroupCommit(transactions);
        this.reads = reads;
        this.writes = writes;
        this.imports = imports;
        this.versions = versions;
        this.properties = properties;
        this.secrets = secrets;
        this.tokens = tokens;
        this.clock = clock;
        this.events = events;
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

    // ---- Writing ----

    /** A signed token for a comment form shown now; {@link #submit} checks how long ago that was. */
    public String formToken() {
        return formTokenIssuedAt(clock.millis());
    }

    /**
     * The token for a form shown again after its comment was refused, so that the reader can post
     * it again at once: the reader's own token while it is genuine and not expired (a form sent too
     * fast stays too fast until the least fill time has passed); for an expired one, a token issued
     * the least fill time ago, since its text was typed long before; a missing or forged one (no
     * browser sends that) gets a token issued now.
     */
    public String formTokenForRetry(@Nullable String previous) {
        Instant issued = issuedAt(previous);
        if (issued == null) {
            return formToken();
        }
        Instant now = clock.instant();
        return Duration.between(issued, now).compareTo(FORM_LIFETIME) <= 0
                ? previous
                : formTokenIssuedAt(now.minus(properties.minFillTime()).toEpochMilli());
    }

    private String formTokenIssuedAt(long epochMillis) {
        return tokens.sign("form", Long.toString(epochMillis));
    }

    /** When a genuine form token was issued; null for a missing, malformed or forged one. */
    private @Nullable Instant issuedAt(@Nullable String token) {
        if (token == null) {
            return null;
        }
        return tokens.verify("form", token)
                .flatMap(SignedTokens::number)
                .map(Instant::ofEpochMilli)
                .orElse(null);
    }

    /**
     * Applies the rules and spam checks and, if they pass, stores the comment. When this returns
     * {@link SubmitResult.Accepted}, the comment is committed.
     */
    public SubmitResult submit(Submission submission) {
        Instant now = clock.instant();
        if (properties.honeypot() && submission.honeypotFilled()) {
            log.info("Comment on {} rejected: honeypot filled", submission.postSlug());
            return new SubmitResult.Rejected(Rejection.HONEYPOT);
        }
        Rejection formProblem = checkFormToken(submission.formToken(), now);
        if (formProblem != null) {
            return new SubmitResult.Rejected(formProblem);
        }
        String clientHash = secrets.sign("client", submission.clientAddress()).substring(0, 32);
        if (!properties.floodInterval().isZero()
                && reads.existsFromClientSince(clientHash, now.minus(properties.floodInterval()))) {
            return new SubmitResult.Rejected(Rejection.FLOOD);
        }
        String email = submission.authorEmail().toLowerCase(Locale.ROOT);
        String bodyHash = hash(submission.body());
        if (writes.existsDuplicate(submission.postSlug(), email, bodyHash)) {
            return new SubmitResult.Rejected(Rejection.DUPLICATE);
        }
        if (submission.parentId() != null) {
            Rejection parentProblem = checkParent(submission.postSlug(), submission.parentId());
            if (parentProblem != null) {
                return new SubmitResult.Rejected(parentProblem);
            }
        }
        CommentStatus status = statusFor(submission, email);
        NewRow row = new NewRow(
                submission.postSlug(),
                submission.parentId(),
                submission.authorName(),
                email,
                submission.authorUrl(),
                submission.body(),
                bodyHash,
                status,
                false,
                submission.notifyReplies(),
                clientHash,
                null,
                now);
        java.util.function.Supplier<Long> insert = () -> writes.insert(row, now);
        // A comment readers do not see yet (pending, spam) leaves every public page as it was: no
        // new comment version, so stored pages stay valid through a burst of submissions.
        // Comments submitted at the same moment share one commit (see GroupCommit).
        long id;
        if (status == CommentStatus.APPROVED) {
            versions.prepare(submission.postSlug());
            id = submissions.run(() -> versions.writeAndBump(submission.postSlug(), insert));
        } else {
            id = submissions.run(insert);
        }
        events.publishEvent(new CommentSubmitted(id, submission.postSlug(), status));
        if (status == CommentStatus.APPROVED) {
            events.publishEvent(new CommentChanged(submission.postSlug()));
            events.publishEvent(new CommentApproved(id, submission.postSlug(), now));
        }
        return new SubmitResult.Accepted(row.stored(id, now));
    }

    /** A token that lets the writer of a pending comment see it; see {@link #pendingIdFrom}. */
    public String pendingToken(long commentId) {
        return tokens.sign("pending", Long.toString(commentId));
    }

    /** The comment id in a token made by {@link #pendingToken}, if the token is genuine. */
    public Optional<Long> pendingIdFrom(String token) {
        return tokens.verify("pending", token).flatMap(SignedTokens::number);
    }

    // ---- Moderation ----

    /** The post slugs that have approved or pending comments, with how many. */
    public Map<String, Long> commentsByPost() {
        return reads.countShownOrAwaitingBySlug();
    }

    public Map<CommentStatus, Long> countByStatus() {
        return reads.countByStatus();
    }

    public List<Comment> queue(CommentStatus status, int offset, int limit) {
        return reads.findByStatus(status, offset, limit);
    }

    /** Moves a comment to a status (approve, unapprove, spam, trash); false if there is no such comment. */
    public boolean moderate(long id, CommentStatus status) {
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

    /**
     * A signed, expiring token for a one-click moderation link in the author's e-mail. Only
     * approving and marking as spam can be done this way.
     */
    public String moderationToken(long id, CommentStatus status) {
        if (status != CommentStatus.APPROVED && status != CommentStatus.SPAM) {
            throw new IllegalArgumentException("mail links only approve or mark as spam");
        }
        return tokens.signExpiring("moderation", id + "." + status.name(), MODERATION_LINK_LIFETIME);
    }

    /** What a genuine, unexpired moderation token asks for. */
    public record ModerationRequest(Comment comment, CommentStatus status) {}

    public Optional<ModerationRequest> moderationRequest(String token) {
        // trailing dots were always ignored here: a link copied with the full stop after it still works
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '.') {
            end--;
        }
        Optional<String> payload = tokens.verifyUnexpired("moderation", token.substring(0, end));
        String[] idAndStatus = payload.map(p -> p.split("\\.")).orElse(new String[0]);
        if (idAndStatus.length != 2) {
            return Optional.empty();
        }
        try {
            CommentStatus status = CommentStatus.valueOf(idAndStatus[1]);
            return reads.findById(Long.parseLong(idAndStatus[0])).map(c -> new ModerationRequest(c, status));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public boolean edit(long id, String body) {
        Optional<Comment> comment = reads.findById(id);
        if (comment.isEmpty()
                || !versions.change(
                        comment.get().postSlug(), () -> writes.updateBody(id, body, hash(body), clock.instant()))) {
            return false;
        }
        events.publishEvent(new CommentChanged(comment.get().postSlug()));
        return true;
    }

    public boolean delete(long id) {
        Optional<Comment> comment = reads.findById(id);
        if (comment.isEmpty() || !versions.change(comment.get().postSlug(), () -> writes.delete(id))) {
            return false;
        }
        events.publishEvent(new CommentChanged(comment.get().postSlug()));
        return true;
    }

    /** The author's reply, published at once and marked as the author's; empty if the parent is gone. */
    public Optional<Comment> replyAsAuthor(long parentId, String authorName, String authorEmail, String body) {
        Optional<Comment> found = reads.findById(parentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Comment parent = found.get();
        Instant now = clock.instant();
        long id = versions.change(parent.postSlug(), () -> insertReply(parent, authorName, authorEmail, body, now));
        if (parent.status() == CommentStatus.PENDING) {
            versions.change(parent.postSlug(), () -> writes.updateStatus(parentId, CommentStatus.APPROVED, now));
            events.publishEvent(new CommentApproved(parentId, parent.postSlug(), now));
        }
        events.publishEvent(new CommentChanged(parent.postSlug()));
        events.publishEvent(new CommentApproved(id, parent.postSlug(), now));
        return reads.findById(id);
    }

    private long insertReply(Comment parent, String authorName, String authorEmail, String body, Instant now) {
        return writes.insert(
                new NewRow(
                        parent.postSlug(),
                        parent.id(),
                        authorName,
                        authorEmail.toLowerCase(Locale.ROOT),
                        null,
                        body,
                        hash(body),
                        CommentStatus.APPROVED,
                        true,
                        false,
                        null,
                        null,
                        now),
                now);
    }

    // ---- Import ----

    /** A comment from elsewhere (the seed, a WordPress export), keyed so that importing twice adds nothing. */
    public record ImportedComment(
            String importKey,
            String postSlug,
            @Nullable String parentImportKey,
            String authorName,
            String authorEmail,
            @Nullable String authorUrl,
            String body,
            CommentStatus status,
            boolean byAuthor,
            Instant createdAt) {}

    /** How many imported comments share one transaction (and one commit). */
    static final int IMPORT_BATCH = 500;

    /**
     * Stores comments that are not stored yet, parents before replies (the list must be in that
     * order). Returns how many were added. A comment deleted since it was imported (by the
     * moderator, or purged as spam or trash) is not imported again.
     *
     * <p>This runs at every start ({@code content/comments/}), so what is stored already is found
     * with one query per {@value #IMPORT_BATCH} keys, and what is new is written
     * {@value #IMPORT_BATCH} to a commit (5,473 comments took 6.1 s to import with a commit each,
     * 2.8 s so). When another replica stores some of the same comments at the same moment, the
     * batch that meets them is written again one comment at a time.
     */
    public int importComments(List<ImportedComment> comments) {
        Set<String> keys = new java.util.HashSet<>();
        for (ImportedComment c : comments) {
            keys.add(c.importKey());
            if (c.parentImportKey() != null) {
                keys.add(c.parentImportKey());
            }
        }
        Map<String, Long> ids = new java.util.HashMap<>(imports.findIdsByImportKeys(keys));
        Set<String> deleted = imports.findDeletedImportKeys(keys);
        List<ImportedComment> missing = new java.util.ArrayList<>();
        for (ImportedComment c : comments) {
            if (!ids.containsKey(c.importKey()) && !deleted.contains(c.importKey())) {
                missing.add(c);
            }
        }
        int added = 0;
        Set<String> touched = new java.util.TreeSet<>();
        for (int from = 0; from < missing.size(); from += IMPORT_BATCH) {
            List<ImportedComment> batch = missing.subList(from, Math.min(missing.size(), from + IMPORT_BATCH));
            List<ImportedComment> stored = new java.util.ArrayList<>();
            try {
                ids.putAll(importBatch(batch, ids));
                stored.addAll(batch);
            } catch (DuplicateKeyException anotherReplicaWasFirst) {
                for (ImportedComment c : batch) {
                    if (importOne(c)) {
                        stored.add(c);
                    }
                }
                ids.putAll(imports.findIdsByImportKeys(
                        batch.stream().map(ImportedComment::importKey).toList()));
            }
            stored.forEach(c -> touched.add(c.postSlug()));
            added += stored.size();
        }
        touched.forEach(slug -> events.publishEvent(new CommentChanged(slug)));
        return added;
    }

    /** Whether a file of comments with this SHA-256 was imported whole before (see {@link #markImportedFile}). */
    public boolean isImportedFile(String sha256) {
        return imports.isImportedFile(sha256);
    }

    /** Records that every comment of a file with this SHA-256 was imported, so an unchanged file is skipped. */
    public void markImportedFile(String sha256) {
        imports.markImportedFile(sha256, clock.instant());
    }

    /** Writes the batch in one transaction; returns the new ids by import key. */
    private Map<String, Long> importBatch(List<ImportedComment> batch, Map<String, Long> storedIds) {
        Set<String> slugs = new java.util.TreeSet<>();
        batch.forEach(c -> slugs.add(c.postSlug()));
        slugs.forEach(versions::prepare);
        return transactions.execute(status -> {
            Map<String, Long> newIds = new java.util.HashMap<>();
            for (ImportedComment c : batch) {
                Long parentId = c.parentImportKey() == null
                        ? null
                        : newIds.getOrDefault(c.parentImportKey(), storedIds.get(c.parentImportKey()));
                newIds.put(c.importKey(), writes.insert(importedRow(c, parentId), clock.instant()));
            }
            slugs.forEach(versions::bump);
            return newIds;
        });
    }

    /** Stores one comment unless it is stored already; true if it was added. */
    private boolean importOne(ImportedComment c) {
        if (imports.findIdByImportKey(c.importKey()).isPresent()) {
            return false;
        }
        Long parentId = c.parentImportKey() == null
                ? null
                : imports.findIdByImportKey(c.parentImportKey()).orElse(null);
        try {
            versions.change(c.postSlug(), () -> writes.insert(importedRow(c, parentId), clock.instant()));
            return true;
        } catch (DuplicateKeyException anotherReplicaWasFirst) {
            return false; // replicas starting together import the same file; the unique key keeps one
        }
    }

    private static NewRow importedRow(ImportedComment c, @Nullable Long parentId) {
        return new NewRow(
                c.postSlug(),
                parentId,
                c.authorName(),
                c.authorEmail().toLowerCase(Locale.ROOT),
                c.authorUrl(),
                c.body(),
                hash(c.body()),
                c.status(),
                c.byAuthor(),
                false,
                null,
                c.importKey(),
                c.createdAt());
    }

    /** Deletes spam and trash that has been there longer than {@code blog.comments.purge-after}. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public int purgeOld() {
        int purged = writes.purge(
                EnumSet.of(CommentStatus.SPAM, CommentStatus.TRASH),
                clock.instant().minus(properties.purgeAfter()));
        if (purged > 0) {
            log.info("Purged {} spam and trash comments older than {}", purged, properties.purgeAfter());
        }
        return purged;
    }

    // ---- Rules ----

    private @Nullable Rejection checkFormToken(@Nullable String token, Instant now) {
        if (properties.minFillTime().isZero()) {
            return null;
        }
        Instant issued = issuedAt(token);
        if (issued == null) {
            return Rejection.FORM_EXPIRED;
        }
        Duration elapsed = Duration.between(issued, now);
        if (elapsed.compareTo(properties.minFillTime()) < 0) {
            return Rejection.TOO_FAST;
        }
        return elapsed.compareTo(FORM_LIFETIME) > 0 ? Rejection.FORM_EXPIRED : null;
    }

    private @Nullable Rejection checkParent(String postSlug, long parentId) {
        Optional<Comment> parent = reads.findById(parentId);
        if (parent.isEmpty()
                || !parent.get().isApproved()
                || !parent.get().postSlug().equals(postSlug)) {
            return Rejection.BAD_PARENT;
        }
        int depth = 1;
        Long ancestor = parent.get().parentId();
        while (ancestor != null && depth < 100) {
            depth++;
            ancestor = reads.findById(ancestor).map(Comment::parentId).orElse(null);
        }
        return depth >= properties.maxDepth() ? Rejection.TOO_DEEP : null;
    }

    private CommentStatus statusFor(Submission submission, String email) {
        String everything = String.join(
                        "\n",
                        submission.authorName(),
                        email,
                        submission.authorUrl() == null ? "" : submission.authorUrl(),
                        submission.body())
                .toLowerCase(Locale.ROOT);
        if (containsAny(everything, properties.spamWords())) {
            return CommentStatus.SPAM;
        }
        if (containsAny(everything, properties.holdWords())) {
            return CommentStatus.PENDING;
        }
        if (CommentTextRenderer.countLinks(submission.body()) >= properties.maxLinks()) {
            return CommentStatus.PENDING;
        }
        if (properties.moderation() == ModerationMode.RETURNING && reads.hasApprovedFrom(email)) {
            return CommentStatus.APPROVED;
        }
        return CommentStatus.PENDING;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (!word.isBlank() && text.contains(word.toLowerCase(Locale.ROOT).strip())) {
                return true;
            }
        }
        return false;
    }

    private static String hash(String body) {
        return DigestUtils.sha256Hex(body.strip().replaceAll("\\s+", " "));
    }
}
