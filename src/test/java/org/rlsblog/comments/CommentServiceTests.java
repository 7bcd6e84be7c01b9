package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules and spam checks of {@link CommentService} against the real H2 file database (in a
 * temporary folder, migrated by Flyway), with a clock the tests move: a slice of the comments
 * package alone ({@link CommentsInContext}), as it depends on no other feature. The service bean runs with
 * {@code moderation=all}; submissions made with {@code moderation=returning} on the same database show that mode.
 */
@JdbcTest(
        properties = {
            "blog.comments.hold-words=acupuncture offer, Hold-Me",
            "blog.comments.spam-words=cheap-pills.example",
            "blog.comments.max-links=2",
            "blog.comments.max-depth=3"
        })
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@RecordApplicationEvents
@Import({TestClock.InContext.class, CommentsInContext.class})
class CommentServiceTests {

    static final Instant NOW = TestClock.NOW;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("blog.data-dir", () -> dataDir.toString());
    }

    @Autowired
    CommentService service;

    @Autowired
    CommentReads reads;

    @Autowired
    CommentWrites writes;

    @Autowired
    CommentVersions versions;

    @Autowired
    SubmitRules rules;

    @Autowired
    ReaderTokens readerTokens;

    @Autowired
    CommentPurge purge;

    @Autowired
    CommentProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    // ---- Fixtures ----

    private static String aNewEmail() {
        return "reader-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    private static String aNewClient() {
        return "192.0.2." + SEQUENCE.incrementAndGet();
    }

    private String agedToken() {
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofMinutes(1)));
        try {
            return service.formToken();
        } finally {
            clock.set(now);
        }
    }

    private Submission aSubmission(String slug, String body) {
        return Submission.builder()
                .postSlug(slug)
                .author(Author.of("Reader", aNewEmail()))
                .body(body)
                .clientAddress(aNewClient())
                .formToken(agedToken())
                .build();
    }

    private static Submission withParent(Submission s, @Nullable Long parentId) {
        return s.toBuilder().parentId(parentId).build();
    }

    private static Submission withEmail(Submission s, String email) {
        return s.toBuilder()
                .author(new Author(s.author().name(), email, s.author().url()))
                .build();
    }

    private static Submission withClient(Submission s, String client) {
        return s.toBuilder().clientAddress(client).build();
    }

    private static Submission withToken(Submission s, @Nullable String token) {
        return s.toBuilder().formToken(token).build();
    }

    /** The submission as sent from the browser that wrote this comment (its pending-comment cookie). */
    private static Submission fromBrowserOf(Submission s, long commentId) {
        return s.toBuilder().ownCommentIds(Set.of(commentId)).build();
    }

    private static Submission withNameAndUrl(Submission s, String name, @Nullable String url) {
        return s.toBuilder().author(new Author(name, s.author().email(), url)).build();
    }

    private static Comment accepted(SubmitResult result) {
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        return ((SubmitResult.Accepted) result).comment();
    }

    private static Rejection rejected(SubmitResult result) {
        assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
        return ((SubmitResult.Rejected) result).reason();
    }

    private long approvedComment(String slug, @Nullable Long parentId) {
        Comment c = accepted(service.submit(withParent(aSubmission(slug, "Comment " + SEQUENCE.get()), parentId)));
        service.moderate(c.id(), CommentStatus.APPROVED);
        return c.id();
    }

    /** Submissions as {@code moderation=returning} takes them, on the same store (its events are not recorded). */
    private CommentSubmissions returningSubmissions() {
        CommentProperties returning = properties.withModeration(ModerationMode.RETURNING);
        return new CommentSubmissions(
                rules,
                readerTokens,
                new SpamChecks(reads, readerTokens, returning),
                writes,
                versions,
                clock,
                event -> {},
                transactions);
    }

    private List<CommentChanged> changes() {
        return events.stream(CommentChanged.class).toList();
    }

    // ---- Accepting ----

    @Test
    void storesAValidCommentAsPendingWithoutChangingWhatReadersSee() {
        Submission submission = withEmail(aSubmission("a-post", "Hello there"), "Mixed.Case@Example.com");
        long versionBefore = versions.version("a-post").version();

        Comment comment = accepted(service.submit(submission));

        assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(comment.author().email()).isEqualTo("mixed.case@example.com");
        assertThat(comment.createdAt()).isEqualTo(NOW);
        assertThat(reads.findById(comment.id())).contains(comment);
        assertThat(changes()).as("no public page changes until it is approved").isEmpty();
        assertThat(versions.version("a-post").version()).isEqualTo(versionBefore);
    }

    @Test
    void commentsSubmittedAtOnceAreEachCommittedOnceUnderTheirOwnId() throws Exception {
        CommentSubmissions returning = returningSubmissions();
        String regular = aNewEmail();
        long earlier = accepted(returning.submit(withEmail(aSubmission("burst-post", "Earlier"), regular)))
                .id();
        service.moderate(earlier, CommentStatus.APPROVED);
        long versionBefore = versions.version("burst-post").version();
        List<Submission> burst = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Submission s = aSubmission("burst-post", "Burst comment " + i);
            burst.add(
                    i % 3 == 0 ? fromBrowserOf(withEmail(s, regular), earlier) : s); // every third is approved at once
        }

        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<SubmitResult>> results = new ArrayList<>();
        try {
            for (Submission s : burst) {
                results.add(threads.submit(() -> returning.submit(s)));
            }
            for (int i = 0; i < burst.size(); i++) {
                Comment comment = accepted(results.get(i).get());
                String sent = burst.get(i).body();
                assertThat(reads.findById(comment.id()))
                        .as("the id handed back is the row of this very comment")
                        .hasValueSatisfying(stored -> assertThat(stored.body()).isEqualTo(sent));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM comment WHERE post_slug = 'burst-post' AND body LIKE 'Burst comment %'")
                        .query(Long.class)
                        .single())
                .isEqualTo(48);
        assertThat(versions.version("burst-post").version())
                .as("one version bump per approved comment")
                .isEqualTo(versionBefore + 16);
    }

    // ---- Spam defences ----

    @Test
    void rejectsAFilledHoneypotAndStoresNothing() {
        Submission s = aSubmission("a-post", "Bot text");
        Submission bot = s.toBuilder().honeypotFilled(true).build();
        long before = service.countByStatus().values().stream()
                .mapToLong(Long::longValue)
                .sum();

        assertThat(rejected(service.submit(bot))).isEqualTo(Rejection.HONEYPOT);
        assertThat(service.countByStatus().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(before);
        assertThat(changes()).isEmpty();
    }

    @Test
    void rejectsAFormSentSoonerThanTheLeastFillTimeUntilItHasPassed() {
        Submission quick = withToken(aSubmission("a-post", "Typed fast"), service.formToken());

        clock.advance(Duration.ofMillis(2_999));
        assertThat(rejected(service.submit(quick))).isEqualTo(Rejection.TOO_FAST);

        clock.advance(Duration.ofMillis(1));
        accepted(service.submit(quick));
    }

    @Test
    void rejectsAMissingForgedOrExpiredFormToken() {
        String genuine = agedToken();
        String issued = genuine.substring(0, genuine.indexOf('.'));
        String signature = genuine.substring(genuine.indexOf('.') + 1);
        clock.set(NOW.minus(Duration.ofDays(2)));
        String twoDaysOld = service.formToken();
        clock.set(NOW);

        for (String token : List.of(
                "",
                "no-dot",
                "." + signature,
                "abc." + signature,
                (Long.parseLong(issued) - 60_000) + "." + signature,
                issued + "." + signature.replace(signature.charAt(0), signature.charAt(0) == 'a' ? 'b' : 'a'),
                issued + ".",
                twoDaysOld)) {
            assertThat(rejected(service.submit(withToken(aSubmission("a-post", "Token " + token), token))))
                    .as("token %s", token)
                    .isEqualTo(Rejection.FORM_EXPIRED);
        }
        assertThat(rejected(service.submit(withToken(aSubmission("a-post", "No token"), null))))
                .isEqualTo(Rejection.FORM_EXPIRED);
        accepted(service.submit(withToken(aSubmission("a-post", "Genuine token"), genuine)));
    }

    @Test
    void rejectsASecondCommentFromTheSameClientWithinTheFloodIntervalAndAllowsItAfter() {
        String client = aNewClient();
        accepted(service.submit(withClient(aSubmission("a-post", "First"), client)));

        clock.advance(Duration.ofSeconds(14));
        assertThat(rejected(service.submit(withClient(aSubmission("another-post", "Second"), client))))
                .isEqualTo(Rejection.FLOOD);
        accepted(service.submit(aSubmission("a-post", "Someone else at the same time")));

        clock.advance(Duration.ofSeconds(1));
        accepted(service.submit(withClient(aSubmission("a-post", "Third, after the interval"), client)));
    }

    @Test
    void aFormStoresOneCommentOnlyAndARefusedOneGetsAFreshTokenToSendAgain() {
        String token = agedToken();
        accepted(service.submit(withToken(aSubmission("a-post", "Sent with this form"), token)));
        clock.advance(Duration.ofMinutes(1)); // past the flood interval

        Submission again = withToken(aSubmission("a-post", "The back button, another text"), token);
        assertThat(rejected(service.submit(again))).isEqualTo(Rejection.FORM_EXPIRED);

        String retry = service.formTokenForRetry(token);
        assertThat(retry).isNotEqualTo(token);
        accepted(service.submit(withToken(again, retry)));
        String unused = agedToken();
        assertThat(service.formTokenForRetry(unused))
                .as("an unused token is kept for a retry")
                .isEqualTo(unused);
    }

    @Test
    void theHourlyPurgeForgetsFormsNoCheckReadsAnyMore() {
        String client = aNewClient();
        String token = agedToken();
        accepted(service.submit(withClient(withToken(aSubmission("a-post", "Remember me a while"), token), client)));
        long tokens = jdbc.sql("SELECT COUNT(*) FROM used_form_token")
                .query(Long.class)
                .single();

        clock.advance(Duration.ofDays(1).plusHours(2));
        purge.purgeOld();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM used_form_token")
                        .query(Long.class)
                        .single())
                .isLessThan(tokens);
    }

    @Test
    void neverStoresTheClientAddressItself() {
        Comment comment = accepted(service.submit(withClient(aSubmission("a-post", "Where am I"), "203.0.113.99")));

        String stored = jdbc.sql("SELECT client_hash FROM comment WHERE id = :id")
                .param("id", comment.id())
                .query(String.class)
                .single();
        assertThat(stored).isNotBlank().doesNotContain("203.0.113.99");
    }

    @Test
    void clearsTheClientHashOnceTheFloodIntervalHasPassed() {
        Comment old = accepted(service.submit(withClient(aSubmission("a-post", "Long ago"), "203.0.113.98")));
        clock.advance(properties.floodInterval().minusSeconds(1));
        Comment recent = accepted(service.submit(withClient(aSubmission("a-post", "Just now"), "203.0.113.97")));
        clock.advance(Duration.ofSeconds(2));
        String oldHash = clientHash(old.id());
        String recentHash = clientHash(recent.id());

        runScheduledJobsOfTheStore();

        assertThat(clientHash(old.id())).as("past the flood interval").isNull();
        assertThat(clientHash(recent.id())).as("still read by the flood check").isNotBlank();
        assertThat(floodCheckRows(oldHash))
                .as("the flood check's row, past its interval")
                .isZero();
        assertThat(floodCheckRows(recentHash))
                .as("the flood check's row, still read")
                .isOne();
        assertThat(rejected(service.submit(withClient(aSubmission("b-post", "Again"), "203.0.113.97"))))
                .isEqualTo(Rejection.FLOOD);
    }

    /** Runs every scheduled job of this package once, as the scheduler would. */
    private void runScheduledJobsOfTheStore() {
        // a task names its method ("org.rlsblog.comments.CommentPurge.purgeOld")
        List<Runnable> jobs = scheduledTasks.getScheduledTasks().stream()
                .map(task -> task.getTask().getRunnable())
                .filter(job -> job.toString().startsWith(getClass().getPackageName() + "."))
                .toList();
        assertThat(jobs).isNotEmpty();
        jobs.forEach(Runnable::run);
    }

    private long floodCheckRows(@Nullable String hash) {
        return jdbc.sql("SELECT COUNT(*) FROM comment_client WHERE client_hash = :hash")
                .param("hash", hash)
                .query(Long.class)
                .single();
    }

    private @Nullable String clientHash(long id) {
        return jdbc.sql("SELECT client_hash FROM comment WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void rejectsTheSameTextFromTheSameAddressOnTheSamePost() {
        String email = aNewEmail();
        Comment first = accepted(service.submit(withEmail(aSubmission("dup-post", "Same  words\nhere"), email)));

        Submission again = withEmail(aSubmission("dup-post", " same words here ".replace("same", "Same")), email);
        assertThat(rejected(service.submit(withEmail(again, email.toUpperCase()))))
                .isEqualTo(Rejection.DUPLICATE);
        accepted(service.submit(withEmail(aSubmission("other-post", "Same  words\nhere"), email)));
        accepted(service.submit(aSubmission("dup-post", "Same  words\nhere")));

        service.moderate(first.id(), CommentStatus.TRASH);
        accepted(service.submit(withEmail(aSubmission("dup-post", "Same words here"), email)));
    }

    @Test
    void marksACommentWithASpamWordInAnyFieldAsSpam() {
        assertThat(accepted(service.submit(aSubmission("a-post", "Visit CHEAP-PILLS.example now")))
                        .status())
                .isEqualTo(CommentStatus.SPAM);
        assertThat(accepted(service.submit(withNameAndUrl(
                                aSubmission("a-post", "Innocent text"), "Pills", "https://cheap-pills.example/")))
                        .status())
                .isEqualTo(CommentStatus.SPAM);
    }

    // ---- Moderation modes ----

    @Test
    void holdsEveryNewCommentWhenModerationIsAll() {
        String email = aNewEmail();
        long approved = accepted(service.submit(withEmail(aSubmission("a-post", "My first"), email)))
                .id();
        service.moderate(approved, CommentStatus.APPROVED);

        assertThat(accepted(service.submit(withEmail(aSubmission("a-post", "My second"), email)))
                        .status())
                .isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void approvesAReturningCommenterAtOnceWhenModerationIsReturning() {
        CommentSubmissions returning = returningSubmissions();
        String email = aNewEmail();
        Comment first = accepted(returning.submit(withEmail(aSubmission("a-post", "New here"), email)));
        assertThat(first.status()).isEqualTo(CommentStatus.PENDING);
        service.moderate(first.id(), CommentStatus.APPROVED);

        long versionBefore = versions.version("a-post").version();
        assertThat(accepted(returning.submit(fromBrowserOf(
                                withEmail(aSubmission("a-post", "Back again"), email.toUpperCase()), first.id())))
                        .status())
                .isEqualTo(CommentStatus.APPROVED);
        assertThat(versions.version("a-post").version())
                .as("a comment shown at once is a new version of the post's comments")
                .isEqualTo(versionBefore + 1);
        assertThat(accepted(returning.submit(aSubmission("a-post", "A stranger")))
                        .status())
                .isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void approvesAtOnceOnlyACommenterWhoProvesAnEarlierCommentWasApproved() {
        CommentSubmissions returning = returningSubmissions();
        String email = aNewEmail();
        Comment first = accepted(returning.submit(withEmail(aSubmission("a-post", "Approved one"), email)));
        service.moderate(first.id(), CommentStatus.APPROVED);
        Comment held = accepted(returning.submit(withEmail(aSubmission("a-post", "Still held"), aNewEmail())));

        assertThat(accepted(returning.submit(withEmail(aSubmission("a-post", "Only the address"), email)))
                        .status())
                .as("the address alone")
                .isEqualTo(CommentStatus.PENDING);
        assertThat(accepted(returning.submit(fromBrowserOf(
                                withEmail(aSubmission("a-post", "Other address"), aNewEmail()), first.id())))
                        .status())
                .as("the cookie of an approved comment from another address")
                .isEqualTo(CommentStatus.PENDING);
        assertThat(accepted(returning.submit(fromBrowserOf(
                                withEmail(
                                        aSubmission("a-post", "Held cookie"),
                                        held.author().email()),
                                held.id())))
                        .status())
                .as("the cookie of a comment still held")
                .isEqualTo(CommentStatus.PENDING);
        String forOtherAddress = service.addressToken(aNewEmail());
        assertThat(accepted(returning.submit(withEmail(aSubmission("a-post", "Wrong token"), email).toBuilder()
                                .addressToken(forOtherAddress)
                                .build()))
                        .status())
                .as("the confirmed-address token of another address")
                .isEqualTo(CommentStatus.PENDING);
        assertThat(accepted(returning.submit(withEmail(aSubmission("a-post", "Forged token"), email).toBuilder()
                                .addressToken(forOtherAddress.substring(0, forOtherAddress.length() - 1) + "x")
                                .build()))
                        .status())
                .as("a forged token")
                .isEqualTo(CommentStatus.PENDING);
        assertThat(accepted(returning.submit(withEmail(aSubmission("a-post", "Confirmed address"), email).toBuilder()
                                .addressToken(service.addressToken(email.toUpperCase()))
                                .build()))
                        .status())
                .as("the token of this very address, confirmed")
                .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void holdsAReturningCommentersCommentWithTooManyLinks() {
        CommentSubmissions returning = returningSubmissions();
        String email = aNewEmail();
        long first = accepted(returning.submit(withEmail(aSubmission("a-post", "Hi"), email)))
                .id();
        service.moderate(first, CommentStatus.APPROVED);

        Comment oneLink = accepted(returning.submit(
                fromBrowserOf(withEmail(aSubmission("a-post", "See https://a.example"), email), first)));
        Comment twoLinks = accepted(returning.submit(fromBrowserOf(
                withEmail(aSubmission("a-post", "See https://a.example and www.b.example"), email), first)));

        assertThat(oneLink.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(twoLinks.status()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void holdsAReturningCommentersCommentWithAHoldWordInAnyField() {
        CommentSubmissions returning = returningSubmissions();
        String email = aNewEmail();
        long first = accepted(returning.submit(withEmail(aSubmission("a-post", "Hi"), email)))
                .id();
        service.moderate(first, CommentStatus.APPROVED);

        assertThat(accepted(returning.submit(
                                fromBrowserOf(withEmail(aSubmission("a-post", "An ACUPUNCTURE offer!"), email), first)))
                        .status())
                .isEqualTo(CommentStatus.PENDING);
        assertThat(accepted(returning.submit(fromBrowserOf(
                                withNameAndUrl(withEmail(aSubmission("a-post", "Plain"), email), "hold-me", null),
                                first)))
                        .status())
                .isEqualTo(CommentStatus.PENDING);
        assertThat(accepted(returning.submit(
                                fromBrowserOf(withEmail(aSubmission("a-post", "Nothing special"), email), first)))
                        .status())
                .isEqualTo(CommentStatus.APPROVED);
    }

    // ---- Replies ----

    @Test
    void rejectsAReplyToACommentThatIsMissingUnpublishedOrOnAnotherPost() {
        long pending = accepted(service.submit(aSubmission("reply-post", "Pending parent")))
                .id();
        long elsewhere = approvedComment("elsewhere-post", null);

        for (long parent : List.of(999_999L, pending, elsewhere)) {
            assertThat(rejected(service.submit(withParent(aSubmission("reply-post", "Reply " + parent), parent))))
                    .as("parent %s", parent)
                    .isEqualTo(Rejection.BAD_PARENT);
        }
    }

    @Test
    void rejectsAReplyDeeperThanTheLimitAndAcceptsOneAtIt() {
        long depth1 = approvedComment("deep-post", null);
        long depth2 = approvedComment("deep-post", depth1);
        long depth3 = approvedComment("deep-post", depth2);

        assertThat(rejected(service.submit(withParent(aSubmission("deep-post", "Depth 4"), depth3))))
                .isEqualTo(Rejection.TOO_DEEP);
        Comment atLimit = accepted(service.submit(withParent(aSubmission("deep-post", "Another depth 3"), depth2)));
        assertThat(atLimit.parentId()).isEqualTo(depth2);
    }

    @Test
    void publishesTheAuthorsReplyAtOnceAndApprovesThePendingParent() {
        long parent = accepted(service.submit(aSubmission("author-post", "A question")))
                .id();

        Comment reply = service.replyAsAuthor(parent, Author.of("The author", "Author@Example.com"), "An answer")
                .orElseThrow();

        assertThat(reply.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(reply.byAuthor()).isTrue();
        assertThat(reply.parentId()).isEqualTo(parent);
        assertThat(service.find(parent))
                .hasValueSatisfying(p -> assertThat(p.isApproved()).isTrue());
        assertThat(changes()).contains(new CommentChanged("author-post"));
    }

    // ---- Moderation ----

    @Test
    void publishesAChangeForEveryModerationEditAndDeleteButNotForAnUnknownComment() {
        long id =
                accepted(service.submit(aSubmission("events-post", "Original"))).id();
        events.clear();

        assertThat(service.moderate(id, CommentStatus.APPROVED)).isTrue();
        assertThat(service.edit(id, "Edited")).isTrue();
        assertThat(service.find(id))
                .hasValueSatisfying(c -> assertThat(c.body()).isEqualTo("Edited"));
        assertThat(service.delete(id)).isTrue();
        assertThat(service.find(id)).isEmpty();
        assertThat(service.moderate(id, CommentStatus.APPROVED)).isFalse();
        assertThat(service.edit(id, "Gone")).isFalse();
        assertThat(service.delete(id)).isFalse();

        assertThat(changes())
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.postSlug()).isEqualTo("events-post"));
    }

    @Test
    void letsOnlyTheWriterSeeAPendingCommentThroughASignedToken() {
        long id = accepted(service.submit(aSubmission("a-post", "Mine"))).id();
        String token = service.pendingToken(id);

        assertThat(service.pendingIdFrom(token)).contains(id);
        assertThat(service.pendingIdFrom((id + 1) + token.substring(token.indexOf('.'))))
                .isEmpty();
        assertThat(service.pendingIdFrom(id + ".00")).isEmpty();
        assertThat(service.pendingIdFrom("x" + token)).isEmpty();
        assertThat(service.thread("a-post", List.of(id)).roots())
                .extracting(n -> n.comment().id())
                .contains(id);
        assertThat(service.thread("a-post", List.of()).roots())
                .extracting(n -> n.comment().id())
                .doesNotContain(id);
    }

    @Test
    void aModerationLinkAsksForItsActionUntilItExpiresEvenWithAFullStopAfterIt() {
        long id = accepted(service.submit(aSubmission("a-post", "Link me"))).id();
        String token = service.moderationToken(id, CommentStatus.SPAM);

        assertThat(service.moderationRequest(token)).hasValueSatisfying(request -> {
            assertThat(request.comment().id()).isEqualTo(id);
            assertThat(request.status()).isEqualTo(CommentStatus.SPAM);
        });
        assertThat(service.moderationRequest(token + ".")).isPresent();
        assertThat(service.moderationRequest(token.replace("SPAM", "APPROVED"))).isEmpty();
        clock.advance(Duration.ofDays(14));
        assertThat(service.moderationRequest(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.moderationRequest(token)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> service.moderationToken(id, CommentStatus.TRASH));
    }

    @Test
    void purgesOnlySpamAndTrashOlderThanThePurgeAge() {
        long oldSpam =
                accepted(service.submit(aSubmission("purge-post", "Old spam"))).id();
        long oldTrash =
                accepted(service.submit(aSubmission("purge-post", "Old trash"))).id();
        long oldPending = accepted(service.submit(aSubmission("purge-post", "Old pending")))
                .id();
        long oldApproved = accepted(service.submit(aSubmission("purge-post", "Old approved")))
                .id();
        long recentTrash = accepted(service.submit(aSubmission("purge-post", "Recent trash")))
                .id();
        service.moderate(oldSpam, CommentStatus.SPAM);
        service.moderate(oldTrash, CommentStatus.TRASH);
        service.moderate(oldApproved, CommentStatus.APPROVED);

        clock.advance(Duration.ofDays(30));
        service.moderate(recentTrash, CommentStatus.TRASH);
        assertThat(purge.purgeOld()).as("exactly 30 days is not older").isZero();
        clock.advance(Duration.ofSeconds(1));

        assertThat(purge.purgeOld()).isGreaterThanOrEqualTo(2);
        assertThat(service.find(oldSpam)).isEmpty();
        assertThat(service.find(oldTrash)).isEmpty();
        assertThat(service.find(oldPending)).isPresent();
        assertThat(service.find(oldApproved)).isPresent();
        assertThat(service.find(recentTrash)).isPresent();
    }

    // ---- Import ----

    @Test
    void importsCommentsOnceWithRepliesUnderTheirParent() {
        List<ImportedComment> list = new ArrayList<>();
        Instant then = Instant.parse("2019-04-01T08:00:00Z");
        list.add(ImportedComment.builder()
                .importKey("test:import:1")
                .postSlug("import-post")
                .author(Author.of("Old Reader", "Old@Example.com"))
                .body("From the old blog")
                .status(CommentStatus.APPROVED)
                .createdAt(then)
                .build());
        list.add(ImportedComment.builder()
                .importKey("test:import:2")
                .postSlug("import-post")
                .parentImportKey("test:import:1")
                .author(Author.of("The author", ""))
                .body("A reply from then")
                .status(CommentStatus.APPROVED)
                .byAuthor(true)
                .createdAt(then.plusSeconds(3600))
                .build());

        assertThat(service.importComments(list)).isEqualTo(2);
        assertThat(changes()).containsExactly(new CommentChanged("import-post"));
        events.clear();
        assertThat(service.importComments(list)).isZero();
        assertThat(changes()).isEmpty();

        CommentThread thread = service.thread("import-post", List.of());
        assertThat(thread.count()).isEqualTo(2);
        assertThat(thread.roots()).hasSize(1);
        CommentThread.Node root = thread.roots().get(0);
        assertThat(root.comment().createdAt()).isEqualTo(then);
        assertThat(root.comment().author().email()).isEqualTo("old@example.com");
        assertThat(root.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.comment().byAuthor()).isTrue();
            assertThat(reply.comment().body()).isEqualTo("A reply from then");
        });
    }

    @Test
    void importsMoreThanOneBatchWithARepliesToParentsOfEarlierBatchesAndAddsNothingTheSecondTime() {
        Instant then = Instant.parse("2018-01-01T00:00:00Z");
        List<ImportedComment> list = new ArrayList<>();
        int count = CommentImports.BATCH_SIZE + 10;
        for (int i = 0; i < count; i++) {
            boolean reply = i == count - 1;
            list.add(ImportedComment.builder()
                    .importKey("test:batch:" + i)
                    .postSlug("batch-post")
                    .parentImportKey(reply ? "test:batch:0" : null)
                    .author(Author.of("Reader " + i, "reader" + i + "@example.org"))
                    .body("Old comment " + i)
                    .status(CommentStatus.APPROVED)
                    .createdAt(then.plusSeconds(i))
                    .build());
        }

        assertThat(service.importComments(list)).isEqualTo(count);
        assertThat(changes()).containsExactly(new CommentChanged("batch-post"));
        events.clear();
        assertThat(service.importComments(list)).isZero();
        assertThat(changes()).isEmpty();

        CommentThread thread = service.thread("batch-post", List.of());
        assertThat(thread.count()).isEqualTo(count);
        assertThat(thread.roots()).hasSize(count - 1);
        assertThat(thread.roots().get(0).replies())
                .singleElement()
                .satisfies(reply -> assertThat(reply.comment().body()).isEqualTo("Old comment " + (count - 1)));
    }

    @Test
    void aKeyStoredMeanwhileDoesNotStopTheRestOfItsBatch() {
        Instant then = Instant.parse("2018-02-01T00:00:00Z");
        ImportedComment first = ImportedComment.builder()
                .importKey("test:twice:1")
                .postSlug("twice-post")
                .author(Author.of("First", ""))
                .body("The first")
                .status(CommentStatus.APPROVED)
                .createdAt(then)
                .build();
        ImportedComment reply = ImportedComment.builder()
                .importKey("test:twice:2")
                .postSlug("twice-post")
                .parentImportKey("test:twice:1")
                .author(Author.of("Second", ""))
                .body("A reply")
                .status(CommentStatus.APPROVED)
                .createdAt(then.plusSeconds(60))
                .build();

        // the same key twice in one list meets the unique key inside the batch, as a key stored by
        // another replica a moment after the lookup does
        assertThat(service.importComments(List.of(first, first, reply))).isEqualTo(2);

        CommentThread thread = service.thread("twice-post", List.of());
        assertThat(thread.count()).isEqualTo(2);
        assertThat(thread.roots())
                .singleElement()
                .satisfies(root -> assertThat(root.replies()).hasSize(1));
    }

    @Test
    void anImportedCommentDeletedOrPurgedSinceIsNotImportedAgain() {
        Instant then = Instant.parse("2017-05-01T00:00:00Z");
        List<ImportedComment> list = new ArrayList<>();
        for (String name : List.of("deleted", "purged", "kept")) {
            list.add(ImportedComment.builder()
                    .importKey("test:gone:" + name)
                    .postSlug("gone-post")
                    .author(Author.of("Reader", ""))
                    .body("This one is " + name)
                    .status(CommentStatus.APPROVED)
                    .createdAt(then)
                    .build());
        }
        assertThat(service.importComments(list)).isEqualTo(3);
        Map<String, Long> ids = new HashMap<>();
        service.thread("gone-post", List.of())
                .roots()
                .forEach(node -> ids.put(node.comment().body(), node.comment().id()));

        assertThat(service.delete(ids.get("This one is deleted"))).isTrue();
        service.moderate(ids.get("This one is purged"), CommentStatus.SPAM);
        clock.advance(Duration.ofDays(31));
        assertThat(purge.purgeOld()).isGreaterThanOrEqualTo(1);

        assertThat(service.importComments(list)).isZero();
        assertThat(service.thread("gone-post", List.of()).roots())
                .extracting(node -> node.comment().body())
                .containsExactly("This one is kept");
    }
}
