package org.rlsblog.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a reader's comment: the submit rules and spam checks, then one insert that is committed
 * before this returns. Comments submitted at the same moment share one commit (see {@link GroupCommit}).
 */
@Component
class CommentSubmissions {

    private final SubmitRules rules;
    private final SpamChecks spamChecks;
    private final CommentWrites writes;
    private final CommentVersions versions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GroupCommit commits;

    CommentSubmissions(
            SubmitRules rules,
            SpamChecks spamChecks,
            CommentWrites writes,
            CommentVersions versions,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.rules = rules;
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
        String email = submission.authorEmail().toLowerCase(Locale.ROOT);
        String bodyHash = NewRow.bodyHash(submission.body());
        String clientHash = rules.clientHash(submission.clientAddress());
        broken = rules.storeProblem(submission, email, bodyHash, clientHash, now);
        if (broken != null) {
            return new SubmitResult.Rejected(broken);
        }
        CommentStatus status = spamChecks.statusFor(submission, email);
        NewRow row = NewRow.builder()
                .postSlug(submission.postSlug())
                .parentId(submission.parentId())
                .authorName(submission.authorName())
                .authorEmail(email)
                .authorUrl(submission.authorUrl())
                .body(submission.body(), bodyHash)
                .status(status)
                .notifyReplies(submission.notifyReplies())
                .clientHash(clientHash)
                .createdAt(now)
                .build();
        Supplier<Long> insert = () -> writes.insert(row, now);
        // A comment readers do not see yet (pending, spam) leaves every public page as it was: no
        // new comment version, so stored pages stay valid through a burst of submissions.
        long id;
        if (status == CommentStatus.APPROVED) {
            versions.prepare(submission.postSlug());
            id = commits.run(() -> versions.writeAndBump(submission.postSlug(), insert));
        } else {
            id = commits.run(insert);
        }
        events.publishEvent(new CommentSubmitted(id, submission.postSlug(), status));
        if (status == CommentStatus.APPROVED) {
            events.publishEvent(new CommentChanged(submission.postSlug()));
            events.publishEvent(new CommentApproved(id, submission.postSlug(), now));
        }
        return new SubmitResult.Accepted(row.stored(id, now));
    }
}
