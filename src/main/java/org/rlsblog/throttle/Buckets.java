package org.rlsblog.throttle;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bucket4j buckets on the application's {@link Clock}, so that a test can move time instead of
 * waiting for a limit to refill.
 */
public final class Buckets {

    private Buckets() {}

    /** A bucket builder whose time is {@code clock}'s. */
    public static LocalBucketBuilder builder(Clock clock) {
        return Bucket.builder().withCustomTimePrecision(new ClockTimeMeter(clock));
    }

    /** Whole seconds until a refused request may be tried again: the value of a Retry-After header. */
    public static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(
                1,
                TimeUnit.NANOSECONDS.toSeconds(
                        probe.getNanosToWaitForRefill() + Duration.ofSeconds(1).toNanos() - 1));
    }

    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
