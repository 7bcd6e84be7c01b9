package org.rlsblog.references;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How many requests each host gets: at most {@link #PER_HOST_PER_MINUTE} in any minute. One at a
 * time is the checker's own doing (it asks one link after another, on one thread).
 */
final class Politeness {

    /** A few a minute: a reference checker should never show up in anyone's logs as a crawler. */
    static final int PER_HOST_PER_MINUTE = 3;

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    Politeness(Clock clock) {
        this.clock = clock;
    }

    /** Whether one more request to {@code host} is allowed now; if so, it is counted. */
    synchronized boolean allow(String host) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(host, h -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
        if (times.size() >= PER_HOST_PER_MINUTE) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Forgets hosts whose requests are all older than a minute, so the map does not grow for ever. */
    synchronized void forgetIdle() {
        Instant cutoff = clock.instant().minus(WINDOW);
        recent.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(cutoff));
    }
}
