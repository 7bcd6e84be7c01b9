package org.rlsblog.pagecache;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What changes about a stored page while it is kept, shared by the request threads that answer
 * from it: when it was last confirmed current, whether a local change outdated it, and whether a
 * request is making it anew.
 */
final class PageState {

    private final AtomicReference<Instant> checkedAt;
    private final AtomicBoolean outdated = new AtomicBoolean();
    private final AtomicBoolean remaking = new AtomicBoolean();

    PageState(Instant madeAt) {
        this.checkedAt = new AtomicReference<>(madeAt);
    }

    boolean checkedWithin(Duration period, Instant now) {
        return checkedAt.get().plus(period).isAfter(now);
    }

    void confirmedAt(Instant now) {
        checkedAt.set(now);
    }

    void markOutdated() {
        outdated.set(true);
    }

    boolean isOutdated() {
        return outdated.get();
    }

    /** Claims the remaking of this page; false when another request already has. */
    boolean startRemaking() {
        return remaking.compareAndSet(false, true);
    }

    void doneRemaking() {
        remaking.set(false);
    }
}
