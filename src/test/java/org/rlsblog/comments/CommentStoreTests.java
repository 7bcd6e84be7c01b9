package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every method of {@link CommentReads}, {@link CommentWrites}, {@link ImportRecords} and {@link
 * CommentVersions} against a real database migrated by the real Flyway
 * scripts. Subclasses pick the database: the embedded H2 file (the default store) and PostgreSQL
 * (for several replicas), so the SQL is shown to run the same on both.
 *
 * <p>Not in a test transaction: the store auto-commits every statement, and PostgreSQL
 * aborts a whole transaction after one failed statement, so each test runs as production does and
 * starts from an empty table instead.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class CommentStoreTests {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    static final String POST = "rls-and-liver-diseases";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    CommentReads reads;
    CommentWrites writes;
    ImportRecords imports;
    CommentVersions versions;

    @BeforeEach
    void startFromAnEmptyTable() {
        jdbc.sql("DELETE FROM comment").update();
        jdbc.sql("DELETE FROM post_comment_version").update();
        reads = new CommentReads(jdbc);
        imports = new ImportRecords(jdbc);
        writes = freshWrites();
        versions = new CommentVersions(jdbc, Clock.systemUTC(), new TransactionTemplate(transactionManager));
    }

    /** The writes as a process that has just started has them: no pairs held in memory yet. */
    CommentWrites freshWrites() {
        return new CommentWrites(jdbc, dataSource, imports);
    }

    // ---- Fixtures ----

    /** A comment that each test changes only in what matters to it. */
    static NewRow.Builder aComment() {
        return NewRow.builder()
                .postSlug(POST)
                .author(Author.of("Ann", "ann@example.org"))
                .body("A first comment.", "hash-1")
                .status(CommentStatus.APPROVED)
                .clientHash("client-1")
                .createdAt(T0);
    }

    long store(NewRow.Builder row) {
        NewRow built = row.build();
        return writes.insert(built, built.createdAt());
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
        long id = writes.insert(
                NewRow.builder()
                        .postSlug("sleep")
                        .author(new Author("Bob", "bob@example.org", "https://bob.example.org"))
                        .body("Line one\nLine two – with ü and 😴", "hash-bob")
                        .status(CommentStatus.PENDING)
                        .byAuthor(true)
                        .notifyReplies(true)
                        .clientHash("client-bob")
                        .importKey("wp-17")
                        .createdAt(created)
                        .build(),
                now);

        Comment stored = reads.findById(id).orElseThrow();

        assertThat(stored)
                .isEqualTo(Comment.builder()
                        .id(id)
                        .postSlug("sleep")
                        .author(new Author("Bob", "bob@example.org", "https://bob.example.org"))
                        .body("Line one\nLine two – with ü and 😴")
                        .status(CommentStatus.PENDING)
                        .byAuthor(true)
                        .notifyReplies(true)
                        .createdAt(created)
                        .updatedAt(now)
                        .importKey("wp-17")
                        .build());
    }

    @Test
    void insertGivesEveryRowItsOwnIncreasingId() {
        long first = store(aComment());
        long second = store(aComment().body("Another", "hash-2"));

        assertThat(second).isGreaterThan(first);
        assertThat(reads.findById(first))
                .hasValueSatisfying(c -> assertThat(c.body()).isEqualTo("A first comment."));
        assertThat(reads.findById(second))
                .hasValueSatisfying(c -> assertThat(c.body()).isEqualTo("Another"));
    }

    @Test
    void storesFalseFlagsAndMissingOptionalFieldsAsSuch() {
        long id = store(aComment());

        Comment stored = reads.findById(id).orElseThrow();

        assertThat(stored.byAuthor()).isFalse();
        assertThat(stored.notifyReplies()).isFalse();
        assertThat(stored.parentId()).isNull();
        assertThat(stored.author().url()).isNull();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(reads.findById(999_999)).isEmpty();
    }

    // ---- findVisible ----

    @Test
    void findVisibleReturnsOnlyApprovedCommentsOfThePostOldestFirst() {
        long late = store(aComment().body("late", "h1").createdAt(minutes(30)));
        long early = store(aComment().body("early", "h2").createdAt(minutes(10)));
        long middle = store(aComment().body("middle", "h3").createdAt(minutes(20)));
        store(aComment().body("pending", "h4").status(CommentStatus.PENDING));
        store(aComment().body("spam", "h5").status(CommentStatus.SPAM));
        store(aComment().body("trash", "h6").status(CommentStatus.TRASH));
        store(aComment().body("elsewhere", "h7").postSlug("sleep"));

        assertThat(ids(reads.findVisible("rls-and-liver-diseases", List.of()))).containsExactly(early, middle, late);
    }

    @Test
    void findVisibleOrdersCommentsMadeAtTheSameMomentById() {
        long first = store(aComment().body("one", "h1"));
        long second = store(aComment().body("two", "h2"));
        long third = store(aComment().body("three", "h3"));

        assertThat(ids(reads.findVisible("rls-and-liver-diseases", List.of()))).containsExactly(first, second, third);
    }

    @Test
    void findVisibleAddsTheReadersOwnPendingCommentsButNoOtherStatusOrPost() {
        long approved = store(aComment().body("approved", "h1").createdAt(minutes(1)));
        long ownPending = store(
                aComment().body("mine", "h2").status(CommentStatus.PENDING).createdAt(minutes(2)));
        long othersPending = store(
                aComment().body("theirs", "h3").status(CommentStatus.PENDING).createdAt(minutes(3)));
        long ownSpam =
                store(aComment().body("spam", "h4").status(CommentStatus.SPAM).createdAt(minutes(4)));
        long ownPendingElsewhere = store(aComment()
                .body("other post", "h5")
                .status(CommentStatus.PENDING)
                .postSlug("sleep"));

        List<Long> visible =
                ids(reads.findVisible("rls-and-liver-diseases", List.of(ownPending, ownSpam, ownPendingElsewhere)));

        assertThat(visible).containsExactly(approved, ownPending).doesNotContain(othersPending);
    }

    @Test
    void findVisibleIsEmptyForAPostWithoutComments() {
        store(aComment());

        assertThat(reads.findVisible("no-comments-here", List.of())).isEmpty();
        assertThat(reads.findVisible("no-comments-here", List.of(1L, 2L))).isEmpty();
    }

    // ---- counts ----

    @Test
    void countApprovedCountsEachPostSeparatelyAndLeavesOutPostsWithoutApprovedComments() {
        store(aComment().postSlug("a").body("1", "h1"));
        store(aComment().postSlug("a").body("2", "h2"));
        store(aComment().postSlug("a").body("3", "h3").status(CommentStatus.PENDING));
        store(aComment().postSlug("b").body("4", "h4"));
        store(aComment().postSlug("c").body("5", "h5").status(CommentStatus.SPAM));
        store(aComment().postSlug("not-asked").body("6", "h6"));

        Map<String, Long> counts = reads.countApproved(List.of("a", "b", "c", "d"));

        assertThat(counts).containsOnly(Map.entry("a", 2L), Map.entry("b", 1L));
    }

    @Test
    void countApprovedOfNoPostsIsEmpty() {
        store(aComment());

        assertThat(reads.countApproved(List.of())).isEmpty();
    }

    @Test
    void countByStatusGivesEveryStatusIncludingThoseWithoutComments() {
        store(aComment().body("1", "h1"));
        store(aComment().body("2", "h2").status(CommentStatus.PENDING));
        store(aComment().body("3", "h3").status(CommentStatus.PENDING));
        store(aComment().body("4", "h4").status(CommentStatus.SPAM));

        assertThat(reads.countByStatus())
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
                store(aComment().body("1", "h1").status(CommentStatus.PENDING).createdAt(minutes(1)));
        long newest =
                store(aComment().body("5", "h5").status(CommentStatus.PENDING).createdAt(minutes(5)));
        long third =
                store(aComment().body("3", "h3").status(CommentStatus.PENDING).createdAt(minutes(3)));
        long fourth =
                store(aComment().body("4", "h4").status(CommentStatus.PENDING).createdAt(minutes(4)));
        long second =
                store(aComment().body("2", "h2").status(CommentStatus.PENDING).createdAt(minutes(2)));
        store(aComment().body("approved", "h6").createdAt(minutes(9)));

        assertThat(ids(reads.findByStatus(CommentStatus.PENDING, 0, 2))).containsExactly(newest, fourth);
        assertThat(ids(reads.findByStatus(CommentStatus.PENDING, 2, 2))).containsExactly(third, second);
        assertThat(ids(reads.findByStatus(CommentStatus.PENDING, 4, 2))).containsExactly(oldest);
        assertThat(reads.findByStatus(CommentStatus.PENDING, 6, 2)).isEmpty();
        assertThat(reads.findByStatus(CommentStatus.TRASH, 0, 10)).isEmpty();
    }

    @Test
    void findByStatusPutsTheLaterIdFirstWhenTimesAreEqual() {
        long first = store(aComment().body("1", "h1").status(CommentStatus.SPAM));
        long second = store(aComment().body("2", "h2").status(CommentStatus.SPAM));

        assertThat(ids(reads.findByStatus(CommentStatus.SPAM, 0, 10))).containsExactly(second, first);
    }

    @Test
    void findLatestApprovedReturnsTheNewestApprovedCommentsOfAllPosts() {
        store(aComment().postSlug("a").body("1", "h1").createdAt(minutes(1)));
        long b = store(aComment().postSlug("b").body("2", "h2").createdAt(minutes(2)));
        store(aComment()
                .postSlug("a")
                .body("3", "h3")
                .status(CommentStatus.PENDING)
                .createdAt(minutes(3)));
        long a = store(aComment().postSlug("a").body("4", "h4").createdAt(minutes(4)));

        assertThat(ids(reads.findLatestApproved(2))).containsExactly(a, b);
    }

    // ---- changes ----

    @Test
    void updateStatusMovesTheCommentAndStampsTheChange() {
        long id = store(aComment().status(CommentStatus.PENDING));

        boolean updated = writes.updateStatus(id, CommentStatus.APPROVED, minutes(5));

        assertThat(updated).isTrue();
        Comment comment = reads.findById(id).orElseThrow();
        assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(comment.updatedAt()).isEqualTo(minutes(5));
        assertThat(comment.createdAt()).isEqualTo(T0);
    }

    @Test
    void updateStatusOfAnUnknownCommentChangesNothing() {
        assertThat(writes.updateStatus(999_999, CommentStatus.APPROVED, T0)).isFalse();
    }

    @Test
    void updateBodyReplacesTheBodyAndItsHash() {
        long id = store(aComment().body("Original", "hash-original"));

        boolean updated = writes.updateBody(id, "Edited", "hash-edited", minutes(7));

        assertThat(updated).isTrue();
        Comment comment = reads.findById(id).orElseThrow();
        assertThat(comment.body()).isEqualTo("Edited");
        assertThat(comment.updatedAt()).isEqualTo(minutes(7));
        assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-edited"))
                .isTrue();
        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-original"))
                .isFalse();
        assertThat(writes.updateBody(999_999, "x", "y", T0)).isFalse();
    }

    @Test
    void deleteRemovesOnlyThatComment() {
        long doomed = store(aComment().body("1", "h1"));
        long kept = store(aComment().body("2", "h2"));

        assertThat(writes.delete(doomed)).isTrue();

        assertThat(reads.findById(doomed)).isEmpty();
        assertThat(reads.findById(kept)).isPresent();
        assertThat(writes.delete(doomed)).isFalse();
    }

    @Test
    void deletingAParentKeepsItsRepliesAsTopLevelComments() {
        long parent = store(aComment().body("parent", "h1"));
        long reply = store(aComment().body("reply", "h2").parentId(parent));
        long replyToReply = store(aComment().body("reply to reply", "h3").parentId(reply));

        writes.delete(parent);

        assertThat(reads.findById(reply))
                .hasValueSatisfying(c -> assertThat(c.parentId()).isNull());
        assertThat(reads.findById(replyToReply))
                .hasValueSatisfying(c -> assertThat(c.parentId()).isEqualTo(reply));
    }

    @Test
    void rejectsAReplyToACommentThatDoesNotExist() {
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> store(aComment().parentId(999_999L)));
    }

    // ---- spam and returning-reader checks ----

    @Test
    void existsDuplicateFindsTheSameBodyFromTheSameAddressOnTheSamePost() {
        store(aComment().body("Same words", "same-hash"));

        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "same-hash"))
                .isTrue();
        assertThat(writes.existsDuplicate("sleep", "ann@example.org", "same-hash"))
                .isFalse();
        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "bob@example.org", "same-hash"))
                .isFalse();
        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "other-hash"))
                .isFalse();
    }

    @Test
    void existsDuplicateCountsPendingAndSpamButNotTrash() {
        long pending = store(aComment().body("p", "hash-p").status(CommentStatus.PENDING));
        store(aComment().body("s", "hash-s").status(CommentStatus.SPAM));
        long trashed = store(aComment().body("t", "hash-t").status(CommentStatus.TRASH));

        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-p"))
                .isTrue();
        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-s"))
                .isTrue();
        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-t"))
                .isFalse();

        writes.updateStatus(pending, CommentStatus.TRASH, minutes(1));
        writes.updateStatus(trashed, CommentStatus.PENDING, minutes(1));

        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-p"))
                .isFalse();
        assertThat(writes.existsDuplicate("rls-and-liver-diseases", "ann@example.org", "hash-t"))
                .isTrue();
    }

    @Test
    void existsDuplicateFindsCommentsStoredBeforeTheRepositoryWasMade() {
        store(aComment().body("Said before a restart", sha("Said before a restart")));

        CommentWrites afterARestart = freshWrites();

        assertThat(afterARestart.existsDuplicate(POST, "ann@example.org", sha("Said before a restart")))
                .isTrue();
        assertThat(afterARestart.existsDuplicate(POST, "ann@example.org", sha("Said after it")))
                .isFalse();
    }

    @Test
    void existsDuplicateSeesCommentsStoredAndEditedAfterThePostWasChecked() {
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("First")))
                .isFalse();
        long id = store(aComment().body("First", sha("First")));
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("First")))
                .isTrue();

        writes.updateBody(id, "Edited", sha("Edited"), minutes(3));

        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Edited")))
                .isTrue();
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("First")))
                .isFalse();
    }

    @Test
    void existsDuplicateSeesEveryCommentStoredWhileThePostsFirstCheckRuns() throws Exception {
        for (int i = 0; i < 200; i++) {
            store(aComment().body("Earlier " + i, sha("Earlier " + i)));
        }
        CommentWrites afterARestart = freshWrites();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> missed = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                missed.add(threads.submit(() -> {
                    int notSeen = 0;
                    for (int i = 0; i < 25; i++) {
                        String text = "Thread " + thread + " comment " + i;
                        afterARestart.insert(aComment().body(text, sha(text)).build(), T0);
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
        store(aComment().body("Old spam", sha("Old spam")).status(CommentStatus.SPAM));
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            transaction.executeWithoutResult(status -> {
                writes.insert(aComment().body("In flight", sha("In flight")).build(), T0);
                // meanwhile, on another connection: the purge, then the post's next check, which
                // cannot see the comment yet
                Future<Boolean> seenBeforeTheCommit = other.submit(() -> {
                    assertThat(writes.purge(EnumSet.of(CommentStatus.SPAM), minutes(60)))
                            .isOne();
                    return writes.existsDuplicate(POST, "ann@example.org", sha("In flight"));
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

        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("In flight")))
                .isTrue();
    }

    /** A comment written by something other than these classes, as only another writer would. */
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
        store(aComment().clientHash("client-a").createdAt(minutes(10)));

        assertThat(reads.existsFromClientSince("client-a", minutes(9))).isTrue();
        assertThat(reads.existsFromClientSince("client-a", minutes(10))).isFalse();
        assertThat(reads.existsFromClientSince("client-a", minutes(11))).isFalse();
        assertThat(reads.existsFromClientSince("client-b", minutes(0))).isFalse();
    }

    @Test
    void existsFromClientSinceComparesInstantsNotWallClockTimes() {
        store(aComment().clientHash("client-a").createdAt(Instant.parse("2025-03-01T08:00:00Z")));

        // One second earlier and later, written as instants; the column must not depend on the JVM's zone.
        assertThat(reads.existsFromClientSince("client-a", Instant.parse("2025-03-01T07:59:59Z")))
                .isTrue();
        assertThat(reads.existsFromClientSince("client-a", Instant.parse("2025-03-01T08:00:01Z")))
                .isFalse();
    }

    @Test
    void hasApprovedFromIsTrueOnlyOnceACommentFromThatAddressIsApproved() {
        long pending =
                store(aComment().author(Author.of("Ann", "new@example.org")).status(CommentStatus.PENDING));
        store(aComment().author(Author.of("Ann", "spammer@example.org")).status(CommentStatus.SPAM));

        assertThat(reads.hasApprovedFrom("new@example.org")).isFalse();
        assertThat(reads.hasApprovedFrom("spammer@example.org")).isFalse();

        writes.updateStatus(pending, CommentStatus.APPROVED, minutes(1));

        assertThat(reads.hasApprovedFrom("new@example.org")).isTrue();
        assertThat(reads.hasApprovedFrom("someone-else@example.org")).isFalse();
    }

    // ---- comment version ----

    @Test
    void aPostWithoutCommentsHasVersionZero() {
        store(aComment());

        assertThat(versions.version("no-comments-here")).isEqualTo(CommentVersion.NONE);
    }

    @Test
    void bumpingCountsChangesPerPostAndRemembersWhen() {
        versions.ensureRow("rls-and-liver-diseases", minutes(1));
        versions.ensureRow("rls-and-liver-diseases", minutes(1));
        versions.bumpRow("rls-and-liver-diseases", minutes(2));
        versions.bumpRow("rls-and-liver-diseases", minutes(3));
        versions.ensureRow("sleep", minutes(4));

        assertThat(versions.version("rls-and-liver-diseases")).isEqualTo(new CommentVersion(2, minutes(3)));
        assertThat(versions.version("sleep").version()).isZero();
    }

    // ---- purge ----

    @Test
    void purgeDeletesOnlyTheGivenStatusesLeftThereBeforeTheMoment() {
        long oldSpam =
                store(aComment().body("1", "h1").status(CommentStatus.SPAM).createdAt(minutes(0)));
        long oldTrash =
                store(aComment().body("2", "h2").status(CommentStatus.TRASH).createdAt(minutes(0)));
        long newSpam =
                store(aComment().body("3", "h3").status(CommentStatus.SPAM).createdAt(minutes(20)));
        long oldPending =
                store(aComment().body("4", "h4").status(CommentStatus.PENDING).createdAt(minutes(0)));
        long oldApproved = store(aComment().body("5", "h5").createdAt(minutes(0)));
        long oldButJustTrashed = store(aComment().body("6", "h6").createdAt(minutes(0)));
        writes.updateStatus(oldButJustTrashed, CommentStatus.TRASH, minutes(30));

        int purged = writes.purge(EnumSet.of(CommentStatus.SPAM, CommentStatus.TRASH), minutes(10));

        assertThat(purged).isEqualTo(2);
        assertThat(reads.findById(oldSpam)).isEmpty();
        assertThat(reads.findById(oldTrash)).isEmpty();
        for (long kept : Set.of(newSpam, oldPending, oldApproved, oldButJustTrashed)) {
            assertThat(reads.findById(kept)).as("comment %d", kept).isPresent();
        }
    }

    @Test
    void purgingAParentKeepsItsReplies() {
        long spam = store(aComment().body("spam", "h1").status(CommentStatus.SPAM));
        long reply = store(aComment().body("reply", "h2").parentId(spam));

        assertThat(writes.purge(EnumSet.of(CommentStatus.SPAM), minutes(1))).isEqualTo(1);

        assertThat(reads.findById(reply))
                .hasValueSatisfying(c -> assertThat(c.parentId()).isNull());
    }

    // ---- import keys ----

    @Test
    void findIdByImportKeyFindsTheImportedComment() {
        long imported = store(aComment().importKey("wp-42"));
        store(aComment().body("not imported", "h2"));

        assertThat(imports.findIdByImportKey("wp-42")).contains(imported);
        assertThat(imports.findIdByImportKey("wp-43")).isEmpty();
    }

    @Test
    void rejectsASecondCommentWithTheSameImportKey() {
        store(aComment().importKey("wp-42"));

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> store(aComment().body("again", "h2").importKey("wp-42")));
        assertThat(reads.countByStatus().get(CommentStatus.APPROVED)).isEqualTo(1);
    }

    @Test
    void allowsAnyNumberOfCommentsWithoutImportKey() {
        store(aComment().body("1", "h1"));
        store(aComment().body("2", "h2"));

        assertThat(reads.countByStatus().get(CommentStatus.APPROVED)).isEqualTo(2);
    }
}
