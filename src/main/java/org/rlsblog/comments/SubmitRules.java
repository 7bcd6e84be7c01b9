package org.rlsblog.comments;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.ReaderTokens.FormTokenId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rules a reader's comment must pass before anything is stored: the honeypot, the form token,
 * no duplicate, the flood interval, a form sent once, and a published parent that is not nested too
 * deep. Those against the store are checked before the comment waits for its commit, and again
 * under its claims in the transaction that stores it ({@link #claim}), which comments sent at once
 * cannot pass together.
 */
@Component
class SubmitRules {

    private static final Logger log = LoggerFactory.getLogger(SubmitRules.class);

    /** Hex characters kept of the keyed hash of a client's address. */
    static final int CLIENT_HASH_LENGTH = 32;
    /** How many ancestors of a parent are followed at most: more than the deepest nesting allowed. */
    static final int MAX_ANCESTORS = 100;

    private final CommentReads reads;
    private final CommentWrites writes;
    private final ReaderTokens readerTokens;
    private final SubmitClaims claims;
    private final SiteSecrets secrets;
    private final CommentProperties properties;

    SubmitRules(
            CommentReads reads,
            CommentWrites writes,
            ReaderTokens readerTokens,
            SubmitClaims claims,
            SiteSecrets secrets,
            CommentProperties properties) {
        this.reads = reads;
        this.writes = writes;
        this.readerTokens = readerTokens;
        this.claims = claims;
        this.secrets = secrets;
        this.properties = properties;
    }

    /**
     * The client's address as stored: a keyed hash, pseudonymous rather than anonymous (the key is
     * in the same database), kept only while the flood check reads it ({@link ClientHashClearing}).
     */
    String clientHash(String clientAddress) {
        return secrets.sign("client", clientAddress).substring(0, CLIENT_HASH_LENGTH);
    }

    /**
     * The first rule of the form itself that the submission breaks (honeypot, form token), or null.
     * Checked first: a robot's flood is refused before anything is hashed or asked of the store.
     */
    @Nullable
    Rejection formProblem(Submission submission, Instant now) {
        if (properties.honeypot() && submission.honeypotFilled()) {
            log.info("Comment on {} rejected: honeypot filled", submission.postSlug());
            return Rejection.HONEYPOT;
        }
        return readerTokens.formTokenProblem(submission.formToken(), now);
    }

    /**
     * The first rule against what is stored that the submission breaks (duplicate, flood, used form,
     * parent), or null. {@code email} is its address in lower case, {@code bodyHash} and {@code
     * clientHash} as {@link NewRow#bodyHash} and {@link #clientHash} make them, {@code token} as
     * {@link ReaderTokens#usableFormToken} gives it. A double click is told it is a duplicate.
     */
    @Nullable
    Rejection storeProblem(
            Submission submission,
            String email,
            String bodyHash,
            String clientHash,
            @Nullable FormTokenId token,
            Instant now) {
        Rejection claimed = claimedAlready(submission.postSlug(), email, bodyHash, clientHash, token, now);
        if (claimed != null && claimed != Rejection.DUPLICATE) {
            // A comment committed between these reads (a double click's first) may break an earlier
            // rule too, and the earlier one is the one to tell: read again. It stays broken.
            Rejection again = claimedAlready(submission.postSlug(), email, bodyHash, clientHash, token, now);
            return again == null ? claimed : again;
        }
        if (claimed != null) {
            return claimed;
        }
        return submission.parentId() == null ? null : parentProblem(submission.postSlug(), submission.parentId());
    }

    /** The first of duplicate, flood and used form that a comment stored already makes this one break. */
    private @Nullable Rejection claimedAlready(
            String postSlug,
            String email,
            String bodyHash,
            String clientHash,
            @Nullable FormTokenId token,
            Instant now) {
        if (writes.existsDuplicate(postSlug, email, bodyHash)) {
            return Rejection.DUPLICATE;
        }
        if (floodChecked() && flooded(claims.lastCommentFrom(clientHash), now)) {
            return Rejection.FLOOD;
        }
        return token != null && claims.isUsed(token) ? Rejection.FORM_EXPIRED : null;
    }

    /**
     * In the transaction that stores the comment, before its insert: takes the post's lock, checks
     * duplicate, flood and form again, then claims the client's row and the form token. Returns the
     * rule broken, with nothing changed, or null once claimed. Throws when another transaction
     * claimed the same at the same moment (the caller tries again, and then sees that claim).
     */
    @Nullable
    Rejection claim(
            String postSlug,
            String email,
            String bodyHash,
            String clientHash,
            @Nullable FormTokenId token,
            Instant now) {
        claims.lockPost(postSlug);
        if (writes.existsDuplicate(postSlug, email, bodyHash)) {
            return Rejection.DUPLICATE;
        }
        Optional<Instant> last = floodChecked() ? claims.lastCommentFrom(clientHash) : Optional.empty();
        if (flooded(last, now)) {
            return Rejection.FLOOD;
        }
        if (token != null && claims.isUsed(token)) {
            return Rejection.FORM_EXPIRED;
        }
        if (floodChecked()
                && !claims.claimClient(clientHash, now, now.minus(properties.floodInterval()), last.isPresent())) {
            return Rejection.FLOOD;
        }
        if (token != null) {
            claims.use(token, now);
        }
        return null;
    }

    private boolean floodChecked() {
        return !properties.floodInterval().isZero();
    }

    private boolean flooded(Optional<Instant> lastComment, Instant now) {
        return floodChecked()
                && lastComment.isPresent()
                && lastComment.get().isAfter(now.minus(properties.floodInterval()));
    }

    private @Nullable Rejection parentProblem(String postSlug, long parentId) {
        Optional<Comment> parent = reads.findById(parentId);
        if (parent.isEmpty()
                || !parent.get().isApproved()
                || !parent.get().postSlug().equals(postSlug)) {
            return Rejection.BAD_PARENT;
        }
        int depth = 1;
        Long ancestor = parent.get().parentId();
        while (ancestor != null && depth < MAX_ANCESTORS) {
            depth++;
            ancestor = reads.findById(ancestor).map(Comment::parentId).orElse(null);
        }
        return depth >= properties.maxDepth() ? Rejection.TOO_DEEP : null;
    }
}
