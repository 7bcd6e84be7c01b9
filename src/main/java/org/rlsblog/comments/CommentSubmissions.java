package org.rlsblog.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.rlsblog.comments.ReaderTokens.FormTokenId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a reader's comment: the submit rules and spam checks, then one insert that is committed
 * before this returns, made only once the rules hold under the comment's claims ({@link
 * SubmitRules#claim}). Comments submitted at the same moment share one commit (see {@link GroupCommit}).
 */
@Component
class CommentSubmissions {

    /** How often a write that raced another transaction's claim is run. */
    static final int MAX_ATTEMPTS = 3;

    private final SubmitRules rules;
    private final ReaderTokens readerTokens;
    private final SpamChecks spamChecks;
    private final CommentWrites writes;
    private final CommentVersions versions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GroupCommit commits;

    CommentSubmissions(
            SubmitRules rules,
            ReaderTokens readerTokens,
            SpamChecks spamChecks,
            CommentWrites writes,
            CommentVersions versions,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.rules = rules;
        this.readerTokens = readerTokens;
        this.spamChecks = spamChecks;
        this.writes = writes;
        this.versions = versions;
        this.clock = clock;
        this.events = events;
        this.commits = new GroupCommit(transactions);
    }

    /** Stores the comment if it passes; when this returns {@link SubmitResult.Accepted}, it is committed. */
    SubmitResult submit(Submission submission) {
        Instant now = clock.instant();
        Rejection broken = rules.formProblem(submission, now);
        if (broken != null) {
            return new SubmitResult.Rejected(broken);
        }
        Author author = submission.author().withStoredEmail();
        String email = author.email();
        String bodyHash = NewRow.bodyHash(submission.body());
        String clientHash = rules.clientHash(submission.clientAddress());
        FormTokenId token = readerTokens.usableFormToken(submission.formToken());
        broken = rules.storeProblem(submission, email, bodyHash, clientHash, token, now);
        if (broken != null) {
            return new SubmitResult.Rejected(broken);
        }
        CommentStatus status = spamChecks.statusFor(submission, email);
        NewRow row = NewRow.builder()
                .postSlug(submission.postSlug())
                .parentId(submission.parentId())
                .author(author)
                .body(submission.body(), bodyHash)
                .status(status)
                .notifyReplies(submission.notifyReplies())
                .clientHash(clientHash)
                .createdAt(now)
                .build();
        versions.prepare(submission.postSlug());
        SubmitResult result = store(() -> {
            Rejection refused = rules.claim(row.postSlug(), email, bodyHash, clientHash, token, now);
            if (refused != null) {
                return new SubmitResult.Rejected(refused); // nothing was written
            }
            long id = writes.insert(row, now);
            // A comment readers do not see yet (pending, spam) leaves every public page as it was: no
            // new comment version, so stored pages stay valid through a burst of submissions.
            if (status == CommentStatus.APPROVED) {
                versions.bump(row.postSlug());
            }
            return new SubmitResult.Accepted(row.stored(id, now));
        });
        if (result instanceof SubmitResult.Accepted accepted) {
            long id = accepted.comment().id();
            events.publishEvent(new CommentSubmitted(id, submission.postSlug(), status));
            if (status == CommentStatus.APPROVED) {
                events.publishEvent(new CommentChanged(submission.postSlug()));
                events.publishEvent(new CommentApproved(id, submission.postSlug(), now));
            }
        }
        return result;
    }

    /**
     * Runs the write in a shared commit. When another transaction claimed the same client or form
     * at the same moment (another replica's), the write fails on a key or a lock; it is run again,
     * and then sees that claim and answers as a refusal.
     */
    private SubmitResult store(Supplier<SubmitResult> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commits.run(write);
            } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
