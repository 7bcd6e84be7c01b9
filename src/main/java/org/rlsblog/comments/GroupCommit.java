package org.rlsblog.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit: writes that arrive while another commit is under way wait for it, and then one
 * of them runs all the waiting writes in one transaction with one commit. Each caller returns only
 * once its own write is committed (or throws its own failure), so "accepted" still means
 * "committed"; what is shared is the commit. On H2 every commit writes the changed pages of the
 * table and of each of its indexes to the file, one commit at a time: under a burst of comments
 * that was more than a third of the processor, and it is the same work for one row as for fifty.
 *
 * <p>A write that fails (a reply whose parent was deleted a moment before, say) must not take the
 * others with it: when the shared transaction fails, each of its writes is run again in a
 * transaction of its own.
 */
final class GroupCommit {

    static final int MAX_WRITES_PER_COMMIT = 100;

    private final TransactionOperations transactions;
    private final Queue<Write<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    GroupCommit(TransactionOperations transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code work} in a transaction shared with the writes waiting now, and returns once it is committed. */
    <T> T run(Supplier<T> work) {
        Write<T> write = new Write<>(work);
        waiting.add(write);
        committing.lock();
        try {
            while (!write.settled) {
                commitWaiting();
            }
        } finally {
            committing.unlock();
        }
        return write.result();
    }

    /** How many writes wait for a commit (for tests). */
    int waitingCount() {
        return waiting.size();
    }

    private void commitWaiting() {
        List<Write<?>> batch = new ArrayList<>();
        for (Write<?> next; batch.size() < MAX_WRITES_PER_COMMIT && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        try {
            transactions.executeWithoutResult(status -> batch.forEach(Write::perform));
            batch.forEach(Write::succeed);
        } catch (RuntimeException | Error sharedTransactionFailed) {
            for (Write<?> write : batch) {
                try {
                    transactions.executeWithoutResult(status -> write.perform());
                    write.succeed();
                } catch (RuntimeException | Error failure) {
                    write.fail(failure);
                }
            }
        }
    }

    /** One caller's write; its fields are only touched under {@code committing}. */
    private static final class Write<T> {

        private final Supplier<T> work;
        private @Nullable T value;
        private @Nullable Throwable failure;
        private boolean settled;

        Write(Supplier<T> work) {
            this.work = work;
        }

        void perform() {
            value = work.get();
        }

        void succeed() {
            settled = true;
        }

        void fail(Throwable cause) {
            value = null;
            failure = cause;
            settled = true;
        }

        T result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return value;
        }
    }
}
