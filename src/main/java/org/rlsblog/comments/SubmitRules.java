package org.rlsblog.comments;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rules a reader's comment must pass before anything is stored: the honeypot, the form token,
 * the flood interval, no duplicate, and a published parent that is not nested too deep.
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
    private final SiteSecrets secrets;
    private final CommentProperties properties;

    SubmitRules(
            CommentReads reads,
            CommentWrites writes,
            ReaderTokens readerTokens,
            SiteSecrets secrets,
            CommentProperties properties) {
        this.reads = reads;
        this.writes = writes;
        this.readerTokens = readerTokens;
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
     * The first rule against what is stored that the submission breaks (flood, duplicate, parent),
     * or null. {@code email} is its address in lower case, {@code bodyHash} and {@code clientHash}
     * as {@link NewRow#bodyHash} and {@link #clientHash} make them.
     */
    @Nullable
    Rejection storeProblem(Submission submission, String email, String bodyHash, String clientHash, Instant now) {
        if (!properties.floodInterval().isZero()
                && reads.existsFromClientSince(clientHash, now.minus(properties.floodInterval()))) {
            return Rejection.FLOOD;
        }
        if (writes.existsDuplicate(submission.postSlug(), email, bodyHash)) {
            return Rejection.DUPLICATE;
        }
        return submission.parentId() == null ? null : parentProblem(submission.postSlug(), submission.parentId());
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
