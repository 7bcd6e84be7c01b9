package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@link CommentRepository} method against a real database migrated by the real Flyway
 * scripts. Subclasses pick the database: the embedded H2 file (the default store) and PostgreSQL
 * (for several replicas), so the SQL is shown to run the same on both.
 *
 * <p>Not in a test transaction: the repository auto-commits every statement, and PostgreSQL
 * aborts a whole transaction after one failed statement, so each test runs as production does and
 * starts from an empty table instead.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class CommentRepositoryTests {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    static final String POST = "rls-and-liver-diseases";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    CommentRepository repository;

    @BeforeEach
    void startFromAnEmptyTable() {
        jdbc.sql("DELETE FROM comment").update();
        jdbc.sql("DELETE FROM post_comment_version").update();
        repository = new CommentRepository(jdbc, dataSource);
    }

    // ---- Fixtures ----

    static Row aComment() {
        return new Row(
                "rls-and-liver-diseases",
                null,
                "Ann",
                "ann@example.org",
                null,
                "A first comment.",
                "hash-1",
                CommentStatus.APPROVED,
                false,
                false,
                "client-1",
                null,
                T0);
    }

    /** A {@link CommentRepository.NewRow} with withers, so each test says only what matters to it. */
    record Row(
            String postSlug,
            @Nullable Long parentId,
            String authorName,
            String authorEmail,
            @Nullable String authorUrl,
            String body,
            String bodyHash,
            CommentStatus status,
            boolean byAuthor,
            boolean notifyReplies,
            @Nullable String clientHash,
            @Nullable String importKey,
            Instant createdAt) {

        Row on(String slug) {
            return new Row(
                    slug,
                    parentId,
                    authorName,
                    authorEmail,
                    authorUrl,
                    body,
                    bodyHash,
                    status,
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    importKey,
                    createdAt);
        }

        Row replyTo(long parent) {
            return new Row(
                    postSlug,
                    parent,
                    authorName,
                    authorEmail,
                    authorUrl,
                    body,
                    bodyHash,
                    status,
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    importKey,
                    createdAt);
        }

        Row by(String email) {
            return new Row(
                    postSlug,
                    parentId,
                    authorName,
                    email,
                    authorUrl,
                    body,
                    bodyHash,
                    status,
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    importKey,
                    createdAt);
        }

        Row saying(String text, String hash) {
            return new Row(
                    postSlug,
                    parentId,
                    authorName,
                    authorEmail,
                    authorUrl,
                    text,
                    hash,
                    status,
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    importKey,
                    createdAt);
        }

        Row with(CommentStatus newStatus) {
            return new Row(
                    postSlug,
                    parentId,
                    authorName,
                    authorEmail,
                    authorUrl,
                    body,
                    bodyHash,
                    newStatus,
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    importKey,
                    createdAt);
        }

        Row from(String client) {
            return new Row(
                    postSlug,
                    parentId,
                    authorName,
                    authorEmail,
                    authorUrl,
                    body,
                    bodyHash,
                    status,
                    byAuthor,
                    notifyReplies,
                    client,
                    importKey,
                    createdAt);
        }

        Row importedAs(String key) {
            return new Row(
                    postSlug,
                    parentId,
                    authorName,
                    authorEmail,
                    authorUrl,
                    body,
                    bodyHash,
                    status,
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    key,
                    createdAt);
        }

        Row at(Instant time) {
            return new Row(
                    postSlug,
                    parentId,
                    authorName,
                    authorEmail,
                    authorUrl,
                    body,
                    bodyHash,
                    status,
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    importKey,
                    time);
        }

        CommentRepository.NewRow toNewRow() {
            return new CommentRepository.NewRow(
                    postSlug,
                    parentId,
                    authorName,
                    authorEmail,
                    authorUrl,
                    body,
                    bodyHash,
                    status,
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    importKey,
                    createdAt);
        }
    }

    long store(Row row) {
        return repository.insert(row.toNewRow(), row.createdAt());
    }

    static Instant minutes(long n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    static List<Long> ids(List<Comment> comments) {
        return comments.stream().map(Comment::id).toList();
    }

    // ---- insert, findById ----

    @Test
    void insertReturnsTheIdUnderWhichEveryFieldIsStored() {
        Instant created = Instant.parse("2024-12-31T23:59:58.123456Z");
        Instant now = Instant.parse("2025-01-01T00:00:01.654321Z");
        long id = repository.insert(
                new CommentRepository.NewRow(
                        "sleep",
                        null,
                        "Bob",
                        "bob@example.org",
                        "https://bob.example.org",
                        "Line one\nLine two – with ü and 😴",
                        "hash-bob",
                        CommentStatus.PENDING,
                        true,
                        true,
                        "client-bob",
                        "wp-17",
                        created),
                now);

        Comment stored = repository.findById(id).orElseThrow();

        assertThat(stored)
                .isEqualTo(new Comment(
                        id,
                        "sleep",
                        null,
                        "Bob",
                        "bob@example.org",
                        "https://bob.example.org",
                        "Line one\nLine two – with ü and 😴",
                        CommentStatus.PENDING,
                        true,
                        true,
                        created,
                        now));
    }

    @Test
    void insertGivesEveryRowItsOwnIncreasingId() {
        long first = store(aComment());
        long second = store(aComment().saying("Another", "hash-2"));

        assertThat(second).isGreaterThan(first);
        assertThat(repository.findById(first))
                .hasValueSatisfying(c -> assertThat(c.body()).isEqualTo("A first comment."));
        assertThat(repository.findById(second))
                .hasValueSatisfying(c -> assertThat(c.body()).isEqualTo("Another"));
    }

    @Test
    void storesFalseFlagsAndMissingOptionalFieldsAsSuch() {
        long id = store(aComment());

        Comment stored = repository.findById(id).orElseThrow();

        assertThat(stored.byAuthor()).isFalse();
        assertThat(stored.notifyReplies()).isFalse();
        assertThat(stored.parentId()).isNull();
        assertThat(stored.authorUrl()).isNull();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(repository.findById(999_999)).isEmpty();
    }

    // ---- findVisible ----

    @Test
    void findVisibleReturnsOnlyApprovedCommentsOfThePostOldestFirst() {
        long late = store(aComment().saying("late", "h1").at(minutes(30)));
        long early = store(aComment().saying("early", "h2").at(minutes(10)));
        long middle = store(aComment().saying("middle", "h3").at(minutes(20)));
        store(aComment().saying("pending", "h4").with(CommentStatus.PENDING));
        store(aComment().saying("spam", "h5").with(CommentStatus.SPAM));
        store(aComment().saying("trash", "h6").with(CommentStatus.TRASH));
        store(aComment().saying("elsewhere", "h7").on("sleep"));

        assertThat(ids(repository.findVisible("rls-and-liver-diseases", List.of())))
                .containsExactly(early, middle, late);
    }

    @Test
    void findVisibleOrdersCommentsMadeAtTheSameMomentById() {
        long first = store(aComment().saying("one", "h1"));
        long second = store(aComment().saying("two", "h2"));
        long third = store(aComment().saying("three", "h3"));

        assertThat(ids(repository.findVisible("rls-and-liver-diseases", List.of())))
                .containsExactly(first, second, third);
    }

    @Test
    void findVisibleAddsTheReadersOwnPendingCommentsButNoOtherStatusOrPost() {
        long approved = store(aComment().saying("approved", "h1").at(minutes(1)));
        long ownPending = store(
                aComment().saying("mine", "h2").with(CommentStatus.PENDING).at(minutes(2)));
        long othersPending = store(
                aComment().saying("theirs", "h3").with(CommentStatus.PENDING).at(minutes(3)));
        long ownSpam =
                store(aComment().saying("spam", "h4").with(CommentStatus.SPAM).at(minutes(4)));
        long ownPendingElsewhere = store(aComment()
                .saying("other post", "h5")
                .with(CommentStatus.PENDING)
                .on("sleep"));

        List<Long> visible = ids(
                repository.findVisible("rls-and-liver-diseases", List.of(ownPending, ownSpam, ownPendingElsewhere)));

        assertThat(visible).containsExactly(approved, ownPending).doesNotContain(othersPending);
    }

    @Test
    void findVisibleIsEmptyForAPostWithoutComments() {
        store(aComment());

        assertThat(repository.findVisible("no-comments-here", List.of())).isEmpty();
        assertThat(repository.findVisible("no-comments-here", List.of(1L, 2L))).isEmpty();
    }

    // ---- counts ----

    @Test
    void countApprovedCountsEachPostSeparatelyAndLeavesOutPostsWithoutApprovedComments() {
        store(aComment().on("a").saying("1", "h1"));
        store(aComment().on("a").saying("2", "h2"));
        store(aComment().on("a").saying("3", "h3").with(CommentStatus.PENDING));
        store(aComment().on("b").saying("4", "h4"));
        store(aComment().on("c").saying("5", "h5").with(CommentStatus.SPAM));
        store(aComment().on("not-asked").saying("6", "h6"));

        Map<String, Long> counts = repository.countApproved(List.of("a", "b", "c", "d"));

        assertThat(counts).containsOnly(Map.entry("a", 2L), Map.entry("b", 1L));
    }

    @Test
    void countApprovedOfNoPostsIsEmpty() {
        store(aComment());

        assertThat(repository.countApproved(List.of())).isEmpty();
    }

    @Test
    void countByStatusGivesEveryStatusIncludingThoseWithoutComments() {
        store(aComment().saying("1", "h1"));
        store(aComment().saying("2", "h2").with(CommentStatus.PENDING));
        store(aComment().saying("3", "h3").with(CommentStatus.PENDING));
        store(aComment().saying("4", "h4").with(CommentStatus.SPAM));

        assertThat(repository.countByStatus())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        CommentStatus.PENDING, 2L,
                        CommentStatus.APPROVED, 1L,
                        CommentStatus.SPAM, 1L,
                        CommentStatus.TRASH, 0L));
    }

    // ---- moderation queue ----

    @Test
    void findByStatusPagesThroughOneStatusNewestFirst() {
        long oldest =
                store(aComment().saying("1", "h1").with(CommentStatus.PENDING).at(minutes(1)));
        long newest =
                store(aComment().saying("5", "h5").with(CommentStatus.PENDING).at(minutes(5)));
        long third =
                store(aComment().saying("3", "h3").with(CommentStatus.PENDING).at(minutes(3)));
        long fourth =
                store(aComment().saying("4", "h4").with(CommentStatus.PENDING).at(minutes(4)));
        long second =
                store(aComment().saying("2", "h2").with(CommentStatus.PENDING).at(minutes(2)));
        store(aComment().saying("approved", "h6").at(minutes(9)));

        assertThat(ids(repository.findByStatus(CommentStatus.PENDING, 0, 2))).containsExactly(newest, fourth);
        assertThat(ids(repository.findByStatus(CommentStatus.PENDING, 2, 2))).containsExactly(third, second);
        assertThat(ids(repository.findByStatus(CommentStatus.PENDING, 4, 2))).containsExactly(oldest);
        assertThat(repository.findByStatus(CommentStatus.PENDING, 6, 2)).isEmpty();
        assertThat(repository.findByStatus(CommentStatus.TRASH, 0, 10)).isEmpty();
    }

    @Test
    void findByStatusPutsTheLaterIdFirstWhenTimesAreEqual() {
        long first = store(aComment().saying("1", "h1").with(CommentStatus.SPAM));
        long second = store(aComment().saying("2", "h2").with(CommentStatus.SPAM));

        assertThat(ids(repository.findByStatus(CommentStatus.SPAM, 0, 10))).containsExactly(second, first);
    }

    @Test
    void findLatestApprovedReturnsTheNewestApprovedCommentsOfAllPosts() {
        store(aComment().on("a").saying("1", "h1").at(minutes(1)));
        long b = store(aComment().on("b").saying("2", "h2").at(minutes(2)));
        store(aComment().on("a").saying("3", "h3").with(CommentStatus.PENDING).at(minutes(3)));
        long a = store(aComment().on("a").saying("4", "h4").at(minutes(4)));

        assertThat(ids(repository.findLatestApproved(2))).containsExactly(a, b);
    }

    // ---- changes ----

    @Test
    void updateStatusMovesTheCommentAndStampsTheChange() {
        long id = store(aComment().with(CommentStatus.PENDING));

        boolean updated = repository.updateStatus(id, CommentStatus.APPROVED, minutes(5));

        assertThat(updated).isTrue();
        Comment comment = repository.findById(id).orElseThrow();
        assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(comment.updatedAt()).isEqualTo(minutes(5));
        assertThat(comment.createdAt()).isEqualTo(T0);
    }

    @Test
    void updateStatusOfAnUnknownCommentChangesNothing() {
        assertThat(repository.updateStatus(999_999, CommentStatus.APPROVED, T0)).isFalse();
    }

    @Test
    void updateBodyReplacesTheBodyAndItsHash() {
        long id = store(aComment().saying("Original", "hash-original"));

        boolean updated = repository.updateBody(id, "Edited", "hash-edited", minutes(7));

        assertThat(updated).isTrue();
        Comment comment = repository.findById(id).orElseThrow();
        assertThat(comment.body()).isEqualTo("Edited");
        assertThat(comment.updatedAt()).isEqualTo(minutes(7));
        assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-edited"))
                .isTrue();
        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-original"))
                .isFalse();
        assertThat(repository.updateBody(999_999, "x", "y", T0)).isFalse();
    }

    @Test
    void deleteRemovesOnlyThatComment() {
        long doomed = store(aComment().saying("1", "h1"));
        long kept = store(aComment().saying("2", "h2"));

        assertThat(repository.delete(doomed)).isTrue();

        assertThat(repository.findById(doomed)).isEmpty();
        assertThat(repository.findById(kept)).isPresent();
        assertThat(repository.delete(doomed)).isFalse();
    }

    @Test
    void deletingAParentKeepsItsRepliesAsTopLevelComments() {
        long parent = store(aComment().saying("parent", "h1"));
        long reply = store(aComment().saying("reply", "h2").replyTo(parent));
        long replyToReply = store(aComment().saying("reply to reply", "h3").replyTo(reply));

        repository.delete(parent);

        assertThat(repository.findById(reply))
                .hasValueSatisfying(c -> assertThat(c.parentId()).isNull());
        assertThat(repository.findById(replyToReply))
                .hasValueSatisfying(c -> assertThat(c.parentId()).isEqualTo(reply));
    }

    @Test
    void rejectsAReplyToACommentThatDoesNotExist() {
        assertThatExceptionOfType(org.springframework.dao.DataIntegrityViolationException.class)
                .isThrownBy(() -> store(aComment().replyTo(999_999)));
    }

    // ---- spam and returning-reader checks ----

    @Test
    void existsDuplicateFindsTheSameBodyFromTheSameAddressOnTheSamePost() {
        store(aComment().saying("Same words", "same-hash"));

        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "same-hash"))
                .isTrue();
        assertThat(repository.existsDuplicate("sleep", "ann@example.org", "same-hash"))
                .isFalse();
        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "bob@example.org", "same-hash"))
                .isFalse();
        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "other-hash"))
                .isFalse();
    }

    @Test
    void existsDuplicateCountsPendingAndSpamButNotTrash() {
        long pending = store(aComment().saying("p", "hash-p").with(CommentStatus.PENDING));
        store(aComment().saying("s", "hash-s").with(CommentStatus.SPAM));
        long trashed = store(aComment().saying("t", "hash-t").with(CommentStatus.TRASH));

        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-p"))
                .isTrue();
        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-s"))
                .isTrue();
        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-t"))
                .isFalse();

        repository.updateStatus(pending, CommentStatus.TRASH, minutes(1));
        repository.updateStatus(trashed, CommentStatus.PENDING, minutes(1));

        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-p"))
                .isFalse();
        assertThat(repository.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-t"))
                .isTrue();
    }

    @Test
    void existsDuplicateFindsCommentsStoredBeforeTheRepositoryWasMade() {
        store(aComment().saying("Said before a restart", sha("Said before a restart")));

        CommentRepository afterARestart = new CommentRepository(jdbc, dataSource);

        assertThat(afterARestart.existsDuplicate(POST, "ann@example.org", sha("Said before a restart")))
                .isTrue();
        assertThat(afterARestart.existsDuplicate(POST, "ann@example.org", sha("Said after it")))
                .isFalse();
    }

    @Test
    void existsDuplicateSeesCommentsStoredAndEditedAfterThePostWasChecked() {
        assertThat(repository.existsDuplicate(POST, "ann@example.org", sha("First")))
                .isFalse();
        long id = store(aComment().saying("First", sha("First")));
        assertThat(repository.existsDuplicate(POST, "ann@example.org", sha("First")))
                .isTrue();

        repository.updateBody(id, "Edited", sha("Edited"), minutes(3));

        assertThat(repository.existsDuplicate(POST, "ann@example.org", sha("Edited")))
                .isTrue();
        assertThat(repository.existsDuplicate(POST, "ann@example.org", sha("First")))
                .isFalse();
    }

    @Test
    void existsDuplicateSeesEveryCommentStoredWhileThePostsFirstCheckRuns() throws Exception {
        for (int i = 0; i < 200; i++) {
            store(aComment().saying("Earlier " + i, sha("Earlier " + i)));
        }
        CommentRepository afterARestart = new CommentRepository(jdbc, dataSource);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> missed = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                missed.add(threads.submit(() -> {
                    int notSeen = 0;
                    for (int i = 0; i < 25; i++) {
                        String text = "Thread " + thread + " comment " + i;
                        afterARestart.insert(aComment().saying(text, sha(text)).toNewRow(), T0);
                        if (!afterARestart.existsDuplicate(POST, "ann@example.org", sha(text))) {
                            notSeen++;
                        }
                    }
                    return notSeen;
                }));
            }
            for (Future<Integer> thread : missed) {
                assertThat(thread.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(afterARestart.existsDuplicate(POST, "ann@example.org", sha("Earlier 199")))
                .isTrue();
    }

    @Test
    void aCommentCommittedAfterAPurgeLetGoOfThePairsIsStillSeen() throws Exception {
        store(aComment().saying("Old spam", sha("Old spam")).with(CommentStatus.SPAM));
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            transaction.executeWithoutResult(status -> {
                repository.insert(
                        aComment().saying("In flight", sha("In flight")).toNewRow(), T0);
                // meanwhile, on another connection: the purge, then the post's next check, which
                // cannot see the comment yet
                Future<Boolean> seenBeforeTheCommit = other.submit(() -> {
                    assertThat(repository.purge(EnumSet.of(CommentStatus.SPAM), minutes(60)))
                            .isOne();
                    return repository.existsDuplicate(POST, "ann@example.org", sha("In flight"));
                });
                try {
                    assertThat(seenBeforeTheCommit.get(60, TimeUnit.SECONDS)).isFalse();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            other.shutdownNow();
        }

        assertThat(repository.existsDuplicate(POST, "ann@example.org", sha("In flight")))
                .isTrue();
    }

    /** A comment written by something other than this repository, as only another writer would. */
    void insertBehindTheRepositorysBack(String text) {
        jdbc.sql("""
                        INSERT INTO comment (post_slug, author_name, author_email, body, body_hash, status,
                                             created_at, updated_at, status_changed_at)
                        VALUES (:slug, 'Ann', 'ann@example.org', :body, :hash, 'APPROVED', :t, :t, :t)""")
                .param("slug", POST)
                .param("body", text)
                .param("hash", sha(text))
                .param("t", OffsetDateTime.ofInstant(T0, ZoneOffset.UTC))
                .update();
    }

    static String sha(String text) {
        return DigestUtils.sha256Hex(text);
    }

    @Test
    void existsFromClientSinceSeesOnlyCommentsFromThatClientAfterTheMoment() {
        store(aComment().from("client-a").at(minutes(10)));

        assertThat(repository.existsFromClientSince("client-a", minutes(9))).isTrue();
        assertThat(repository.existsFromClientSince("client-a", minutes(10))).isFalse();
        assertThat(repository.existsFromClientSince("client-a", minutes(11))).isFalse();
        assertThat(repository.existsFromClientSince("client-b", minutes(0))).isFalse();
    }

    @Test
    void existsFromClientSinceComparesInstantsNotWallClockTimes() {
        store(aComment().from("client-a").at(Instant.parse("2025-03-01T08:00:00Z")));

        // One second earlier and later, written as instants; the column must not depend on the JVM's zone.
        assertThat(repository.existsFromClientSince("client-a", Instant.parse("2025-03-01T07:59:59Z")))
                .isTrue();
        assertThat(repository.existsFromClientSince("client-a", Instant.parse("2025-03-01T08:00:01Z")))
                .isFalse();
    }

    @Test
    void hasApprovedFromIsTrueOnlyOnceACommentFromThatAddressIsApproved() {
        long pending = store(aComment().by("new@example.org").with(CommentStatus.PENDING));
        store(aComment().by("spammer@example.org").with(CommentStatus.SPAM));

        assertThat(repository.hasApprovedFrom("new@example.org")).isFalse();
        assertThat(repository.hasApprovedFrom("spammer@example.org")).isFalse();

        repository.updateStatus(pending, CommentStatus.APPROVED, minutes(1));

        assertThat(repository.hasApprovedFrom("new@example.org")).isTrue();
        assertThat(repository.hasApprovedFrom("someone-else@example.org")).isFalse();
    }

    // ---- comment version ----

    @Test
    void aPostWithoutCommentsHasVersionZero() {
        store(aComment());

        assertThat(repository.version("no-comments-here")).isEqualTo(CommentVersion.NONE);
    }

    @Test
    void bumpingCountsChangesPerPostAndRemembersWhen() {
        repository.ensureVersionRow("rls-and-liver-diseases", minutes(1));
        repository.ensureVersionRow("rls-and-liver-diseases", minutes(1));
        repository.bumpVersion("rls-and-liver-diseases", minutes(2));
        repository.bumpVersion("rls-and-liver-diseases", minutes(3));
        repository.ensureVersionRow("sleep", minutes(4));

        assertThat(repository.version("rls-and-liver-diseases")).isEqualTo(new CommentVersion(2, minutes(3)));
        assertThat(repository.version("sleep").version()).isZero();
    }

    // ---- purge ----

    @Test
    void purgeDeletesOnlyTheGivenStatusesLeftThereBeforeTheMoment() {
        long oldSpam =
                store(aComment().saying("1", "h1").with(CommentStatus.SPAM).at(minutes(0)));
        long oldTrash =
                store(aComment().saying("2", "h2").with(CommentStatus.TRASH).at(minutes(0)));
        long newSpam =
                store(aComment().saying("3", "h3").with(CommentStatus.SPAM).at(minutes(20)));
        long oldPending =
                store(aComment().saying("4", "h4").with(CommentStatus.PENDING).at(minutes(0)));
        long oldApproved = store(aComment().saying("5", "h5").at(minutes(0)));
        long oldButJustTrashed = store(aComment().saying("6", "h6").at(minutes(0)));
        repository.updateStatus(oldButJustTrashed, CommentStatus.TRASH, minutes(30));

        int purged = repository.purge(EnumSet.of(CommentStatus.SPAM, CommentStatus.TRASH), minutes(10));

        assertThat(purged).isEqualTo(2);
        assertThat(repository.findById(oldSpam)).isEmpty();
        assertThat(repository.findById(oldTrash)).isEmpty();
        for (long kept : Set.of(newSpam, oldPending, oldApproved, oldButJustTrashed)) {
            assertThat(repository.findById(kept)).as("comment %d", kept).isPresent();
        }
    }

    @Test
    void purgingAParentKeepsItsReplies() {
        long spam = store(aComment().saying("spam", "h1").with(CommentStatus.SPAM));
        long reply = store(aComment().saying("reply", "h2").replyTo(spam));

        assertThat(repository.purge(EnumSet.of(CommentStatus.SPAM), minutes(1))).isEqualTo(1);

        assertThat(repository.findById(reply))
                .hasValueSatisfying(c -> assertThat(c.parentId()).isNull());
    }

    // ---- import keys ----

    @Test
    void findIdByImportKeyFindsTheImportedComment() {
        long imported = store(aComment().importedAs("wp-42"));
        store(aComment().saying("not imported", "h2"));

        assertThat(repository.findIdByImportKey("wp-42")).contains(imported);
        assertThat(repository.findIdByImportKey("wp-43")).isEmpty();
    }

    @Test
    void rejectsASecondCommentWithTheSameImportKey() {
        store(aComment().importedAs("wp-42"));

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> store(aComment().saying("again", "h2").importedAs("wp-42")));
        assertThat(repository.countByStatus().get(CommentStatus.APPROVED)).isEqualTo(1);
    }

    @Test
    void allowsAnyNumberOfCommentsWithoutImportKey() {
        store(aComment().saying("1", "h1"));
        store(aComment().saying("2", "h2"));

        assertThat(repository.countByStatus().get(CommentStatus.APPROVED)).isEqualTo(2);
    }
}
