package org.rlsblog.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit: writes that arrive while another commit is under way wait for it, then one caller
 * commits all of them in one transaction, and each returns once its own write is committed (or
 * throws its own failure). On H2 a commit costs as much for one row as for many. During a burst a
 * commit first waits {@link #DELAY} for writes still being checked, as PostgreSQL's {@code
 * commit_delay} does: without it few writes share a commit (see docs/benchmarks.md).
 */
final class GroupCommit {

    /** The most writes one transaction takes. */
    static final int MAX_WRITES_PER_COMMIT = 100;
    /** A commit that starts within this time of the previous one's end is part of a burst. */
    static final long BURST_GAP = TimeUnit.MILLISECONDS.toNanos(2);
    /** How long a commit in a burst waits for more writes to join it. */
    static final long DELAY = TimeUnit.MICROSECONDS.toNanos(300);

    private final TransactionOperations transactions;
    private final LongSupplier nanoTime;
    private final LongConsumer pause;
    private final Queue<Write<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();
    /** When the last commit ended, by {@link #nanoTime}; only touched under {@code committing}. */
    private long lastCommitEnd;

    GroupCommit(TransactionOperations transactions) {
        this(transactions, System::nanoTime, LockSupport::parkNanos);
    }

    /** With the clock and the wait of a commit delay given (for tests). */
    GroupCommit(TransactionOperations transactions, LongSupplier nanoTime, LongConsumer pause) {
        this.transactions = transactions;
        this.nanoTime = nanoTime;
        this.pause = pause;
        this.lastCommitEnd = nanoTime.getAsLong() - BURST_GAP; // no burst before the first commit
    }

    /**
     * Runs {@code work} in a transaction shared with the writes waiting now, and returns once it is
     * committed. The caller that finds no commit under way commits everything waiting; the others
     * sleep until their write is settled, each woken by the commit that settled it, or until they
     * are woken to commit next. (Queueing on the lock instead woke the callers one after another,
     * each to find its write already committed.)
     */
    <T> T run(Supplier<T> work) {
        Write<T> write = new Write<>(work, Thread.currentThread());
        waiting.add(write);
        boolean interrupted = false;
        while (!write.settled) {
            if (committing.tryLock()) {
                try {
                    while (!write.settled) {
                        commitWaiting();
                    }
                } finally {
                    committing.unlock();
                    wakeTheNextToCommit();
                }
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // a commit is never abandoned half-way
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return write.result();
    }

    /**
     * Wakes the caller of the oldest write still waiting, if any, to commit it: it may have found
     * the lock held a moment before it was let go.
     */
    private void wakeTheNextToCommit() {
        Write<?> next = waiting.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /** How many writes wait for a commit (for tests). */
    int waitingCount() {
        return waiting.size();
    }

    /** During a burst, first waits {@link #DELAY} for more writes to join; then commits. */
    private void commitWaiting() {
        if (nanoTime.getAsLong() - lastCommitEnd < BURST_GAP && waiting.size() < MAX_WRITES_PER_COMMIT) {
            pause.accept(DELAY);
        }
        try {
            commitBatch();
        } finally {
            lastCommitEnd = nanoTime.getAsLong();
        }
    }

    /**
     * Commits the waiting writes (up to {@link #MAX_WRITES_PER_COMMIT}) in one transaction and
     * settles each of them. When one write throws, the transaction is rolled back, that write fails
     * alone and the others are written again without it. When the transaction fails on its own
     * (no connection, a failed commit), every write of it fails with that failure and none is run
     * again: the store is away, and a commit whose outcome is unknown must not be repeated.
     */
    private void commitBatch() {
        List<Write<?>> batch = new ArrayList<>();
        for (Write<?> next; batch.size() < MAX_WRITES_PER_COMMIT && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        while (!batch.isEmpty()) {
            List<Write<?>> performing = new ArrayList<>(1);
            try {
                transactions.executeWithoutResult(status -> {
                    for (Write<?> write : batch) {
                        performing.add(write);
                        write.perform();
                        performing.clear();
                    }
                });
                batch.forEach(Write::succeed);
                return;
            } catch (Throwable failure) {
                if (performing.isEmpty()) {
                    batch.forEach(write -> write.fail(failure));
                    return;
                }
                Write<?> culprit = performing.get(0);
                culprit.fail(failure);
                batch.remove(culprit);
            }
        }
    }

    /**
     * One caller's write. Its value and failure are written under {@code committing}, before
     * {@code settled}; the caller reads them after seeing {@code settled}, which is volatile.
     */
    private static final class Write<T> {

        private final Supplier<T> work;
        private final Thread caller;
        private @Nullable T value;
        private @Nullable Throwable failure;
        private volatile boolean settled;

        Write(Supplier<T> work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        void perform() {
            value = work.get();
        }

        void succeed() {
            settled = true;
            LockSupport.unpark(caller);
        }

        void fail(Throwable cause) {
            value = null;
            failure = cause;
            settled = true;
            LockSupport.unpark(caller);
        }

        T result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException("the write failed", failure);
            }
            return value;
        }
    }
}
