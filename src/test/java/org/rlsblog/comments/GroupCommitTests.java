package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * How writes share commits: the transactions here only record which writes ran in them (and
 * forget a failed one's writes, as a rollback does); the store itself is exercised by {@link
 * CommentServiceTests}.
 */
class GroupCommitTests {

    /** Runs each callback as one transaction and records the names written in it, if it commits. */
    static final class RecordingTransactions implements TransactionOperations {

        final List<List<String>> committed = new CopyOnWriteArrayList<>();
        final AtomicInteger transactions = new AtomicInteger();
        volatile boolean storeAway;
        private final ThreadLocal<List<String>> current = new ThreadLocal<>();

        Consumer<String> writer() {
            return name -> current.get().add(name);
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) throws TransactionException {
            current.set(new ArrayList<>());
            transactions.incrementAndGet();
            try {
                TransactionStatus status = new SimpleTransactionStatus();
                T result = action.doInTransaction(status);
                if (storeAway) {
                    throw new TransactionSystemException("the commit did not reach the store");
                }
                committed.add(List.copyOf(current.get()));
                return result;
            } finally {
                current.remove();
            }
        }
    }

    private final ExecutorService threads = Executors.newFixedThreadPool(12);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aLoneWriteIsCommittedAloneAndReturnsItsValue() {
        RecordingTransactions transactions = new RecordingTransactions();
        GroupCommit commits = new GroupCommit(transactions);

        long value = commits.run(() -> {
            transactions.writer().accept("only");
            return 42L;
        });

        assertThat(value).isEqualTo(42L);
        assertThat(transactions.committed).containsExactly(List.of("only"));
    }

    @Test
    void writesArrivingDuringACommitShareTheNextOneAndEachGetsItsOwnValue() throws Exception {
        RecordingTransactions transactions = new RecordingTransactions();
        GroupCommit commits = new GroupCommit(transactions);
        HeldCommit<String> first = new HeldCommit<>(threads, commits, () -> {
            transactions.writer().accept("first");
            return "first";
        });
        List<Future<String>> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "w" + i;
            others.add(threads.submit(() -> commits.run(() -> {
                transactions.writer().accept(name);
                return name;
            })));
        }

        assertThat(first.endOnceWaiting(10)).isEqualTo("first");
        for (int i = 0; i < 10; i++) {
            assertThat(others.get(i).get()).isEqualTo("w" + i);
        }
        assertThat(transactions.committed).hasSize(2);
        assertThat(transactions.committed.get(0)).containsExactly("first");
        assertThat(transactions.committed.get(1))
                .containsExactlyInAnyOrder("w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9");
    }

    @Test
    void aFailingWriteFailsAloneAndTheOthersOfItsCommitAreStillCommitted() throws Exception {
        RecordingTransactions transactions = new RecordingTransactions();
        GroupCommit commits = new GroupCommit(transactions);
        HeldCommit<String> first = new HeldCommit<>(threads, commits, () -> "first");
        List<Future<String>> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "w" + i;
            others.add(threads.submit(() -> commits.run(() -> {
                if (name.equals("w3")) {
                    throw new IllegalStateException("the parent comment is gone");
                }
                transactions.writer().accept(name);
                return name;
            })));
        }
        first.endOnceWaiting(6);

        for (int i = 0; i < 6; i++) {
            Future<String> other = others.get(i);
            if (i == 3) {
                assertThatThrownBy(other::get).hasRootCauseMessage("the parent comment is gone");
            } else {
                assertThat(other.get()).isEqualTo("w" + i);
            }
        }
        List<String> everyCommittedWrite =
                transactions.committed.stream().flatMap(List::stream).toList();
        assertThat(everyCommittedWrite).containsExactlyInAnyOrder("w0", "w1", "w2", "w4", "w5");
    }

    @Test
    void whenTheCommitItselfFailsEveryWriteOfItFailsAndNoneIsRunAgain() throws Exception {
        RecordingTransactions transactions = new RecordingTransactions();
        GroupCommit commits = new GroupCommit(transactions);
        HeldCommit<String> first = new HeldCommit<>(threads, commits, () -> "first");
        AtomicInteger performed = new AtomicInteger();
        List<Future<String>> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "w" + i;
            others.add(threads.submit(() -> commits.run(() -> {
                performed.incrementAndGet();
                transactions.writer().accept(name);
                return name;
            })));
        }
        transactions.storeAway = true;
        assertThatThrownBy(() -> first.endOnceWaiting(5)).hasRootCauseMessage("the commit did not reach the store");

        for (Future<String> other : others) {
            assertThatThrownBy(other::get).hasRootCauseMessage("the commit did not reach the store");
        }
        assertThat(performed)
                .as("a commit whose outcome is unknown is not repeated")
                .hasValue(5);
        assertThat(transactions.transactions).hasValue(2);
        assertThat(transactions.committed).isEmpty();
    }

    @Test
    void aFailingLoneWriteIsRunOnce() {
        RecordingTransactions transactions = new RecordingTransactions();
        GroupCommit commits = new GroupCommit(transactions);
        AtomicInteger performed = new AtomicInteger();

        assertThatThrownBy(() -> commits.run(() -> {
                    performed.incrementAndGet();
                    throw new IllegalStateException("no such parent");
                }))
                .hasMessage("no such parent");
        assertThat(performed).hasValue(1);
        assertThat(transactions.transactions).hasValue(1);
    }

    @Test
    void noMoreThanTheLimitShareOneCommit() throws Exception {
        RecordingTransactions transactions = new RecordingTransactions();
        GroupCommit commits = new GroupCommit(transactions);
        ExecutorService many = Executors.newFixedThreadPool(GroupCommit.MAX_WRITES_PER_COMMIT + 20);
        try {
            HeldCommit<Integer> first = new HeldCommit<>(many, commits, () -> -1);
            List<Future<Integer>> others = new ArrayList<>();
            int count = GroupCommit.MAX_WRITES_PER_COMMIT + 10;
            for (int i = 0; i < count; i++) {
                int n = i;
                others.add(many.submit(() -> commits.run(() -> {
                    transactions.writer().accept("w" + n);
                    return n;
                })));
            }
            first.endOnceWaiting(count);
            for (int i = 0; i < count; i++) {
                assertThat(others.get(i).get()).isEqualTo(i);
            }
            assertThat(transactions.committed)
                    .allSatisfy(
                            writes -> assertThat(writes).hasSizeLessThanOrEqualTo(GroupCommit.MAX_WRITES_PER_COMMIT));
            assertThat(transactions.committed.stream().mapToInt(List::size).sum())
                    .isEqualTo(count);
        } finally {
            many.shutdownNow();
        }
    }

    @Test
    void inABurstACommitWaitsForTheWritesArrivingMeanwhileAndTakesThemAlong() throws Exception {
        RecordingTransactions transactions = new RecordingTransactions();
        AtomicLong now = new AtomicLong(1_000_000_000L);
        List<Long> pauses = new CopyOnWriteArrayList<>();
        List<Future<String>> late = new ArrayList<>();
        GroupCommit[] holder = new GroupCommit[1];
        GroupCommit commits = new GroupCommit(transactions, now::get, nanos -> {
            pauses.add(nanos);
            // a write whose request is still being checked arrives during the wait
            late.add(threads.submit(() -> holder[0].run(() -> {
                transactions.writer().accept("late");
                return "late";
            })));
            await().atMost(Duration.ofSeconds(10)).until(() -> holder[0].waitingCount() == 2);
        });
        holder[0] = commits;

        commits.run(() -> {
            transactions.writer().accept("first");
            return "first";
        });
        now.addAndGet(GroupCommit.BURST_GAP / 2);
        String second = commits.run(() -> {
            transactions.writer().accept("second");
            return "second";
        });

        assertThat(second).isEqualTo("second");
        assertThat(late.get(0).get()).isEqualTo("late");
        assertThat(pauses).as("only the commit in the burst waits").containsExactly(GroupCommit.DELAY);
        assertThat(transactions.committed).containsExactly(List.of("first"), List.of("second", "late"));
    }

    @Test
    void aWriteAfterAQuietSpellIsCommittedWithoutWaiting() {
        RecordingTransactions transactions = new RecordingTransactions();
        AtomicLong now = new AtomicLong(-5_000_000_000L);
        List<Long> pauses = new CopyOnWriteArrayList<>();
        GroupCommit commits = new GroupCommit(transactions, now::get, pauses::add);

        commits.run(() -> "first");
        now.addAndGet(GroupCommit.BURST_GAP);
        commits.run(() -> "after the gap");

        assertThat(pauses).isEmpty();
        assertThat(transactions.transactions).hasValue(2);
    }

    @Test
    void underManyCallersAtOnceEveryWriteIsCommittedOnceAndEveryCallerReturns() throws Exception {
        RecordingTransactions transactions = new RecordingTransactions();
        GroupCommit commits = new GroupCommit(transactions);
        int callers = 12;
        int writesEach = 500;
        List<Future<List<String>>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            done.add(threads.submit(() -> {
                List<String> returned = new ArrayList<>();
                for (int i = 0; i < writesEach; i++) {
                    String name = caller + "-" + i;
                    returned.add(commits.run(() -> {
                        transactions.writer().accept(name);
                        return name;
                    }));
                }
                return returned;
            }));
        }

        for (int c = 0; c < callers; c++) {
            // a caller left asleep with its write committed (or with nobody to commit it) hangs here
            List<String> returned = done.get(c).get(60, TimeUnit.SECONDS);
            assertThat(returned).hasSize(writesEach).startsWith(c + "-0").endsWith(c + "-" + (writesEach - 1));
        }
        List<String> all = transactions.committed.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(callers * writesEach).doesNotHaveDuplicates();
        assertThat(commits.waitingCount()).isZero();
    }

    @Test
    void anInterruptedCallerStillGetsItsCommittedWriteAndKeepsTheInterrupt() throws Exception {
        RecordingTransactions transactions = new RecordingTransactions();
        GroupCommit commits = new GroupCommit(transactions);
        HeldCommit<String> first = new HeldCommit<>(threads, commits, () -> "first");
        CountDownLatch interruptedAfter = new CountDownLatch(1);
        AtomicReference<Thread> caller = new AtomicReference<>();
        Future<Boolean> second = threads.submit(() -> {
            caller.set(Thread.currentThread());
            String value = commits.run(() -> {
                transactions.writer().accept("second");
                return "second";
            });
            assertThat(value).isEqualTo("second");
            interruptedAfter.countDown();
            return Thread.currentThread().isInterrupted();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.waitingCount() == 1);
        caller.get().interrupt();

        assertThat(first.endOnceWaiting(1)).isEqualTo("first");
        assertThat(second.get(10, TimeUnit.SECONDS)).as("interrupt kept").isTrue();
        assertThat(transactions.committed).containsExactly(List.of(), List.of("second"));
    }

    /**
     * A commit held open by a first write, so that the writes started meanwhile queue for the next
     * one; {@link #endOnceWaiting} lets it end once that many are waiting, and returns its value.
     */
    private static final class HeldCommit<T> {

        private final GroupCommit commits;
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch mayEnd = new CountDownLatch(1);
        private final Future<T> first;

        HeldCommit(ExecutorService threads, GroupCommit commits, Supplier<T> write) {
            this.commits = commits;
            this.first = threads.submit(() -> commits.run(() -> {
                T value = write.get();
                started.countDown();
                block(mayEnd);
                return value;
            }));
            block(started);
        }

        T endOnceWaiting(int waiting) throws Exception {
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waitingCount() == waiting);
            mayEnd.countDown();
            return first.get();
        }
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
