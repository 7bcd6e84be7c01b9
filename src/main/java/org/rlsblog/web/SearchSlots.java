package org.rlsblog.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many searches run at once, for all clients together: a search past the limit waits a short
 * while for a slot, and only a few may wait, so that searches spread over many addresses (which no
 * per-client limit sees) still leave readers a core and the server's threads.
 */
final class SearchSlots {

    /** Searches that may wait for a slot, per slot; the rest are refused at once. */
    private static final int WAITING_PER_SLOT = 4;

    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int mostWaiting;
    private final long waitNanos;

    SearchSlots(int slots, Duration longestWait) {
        this.running = new Semaphore(slots);
        this.mostWaiting = slots * WAITING_PER_SLOT;
        this.waitNanos = longestWait.toNanos();
    }

    /** Takes a slot, waiting a little if need be; false when none came free. */
    boolean enter() {
        if (running.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > mostWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Gives back the slot {@link #enter()} took. */
    void leave() {
        running.release();
    }
}
