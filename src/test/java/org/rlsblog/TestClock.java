package org.rlsblog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The tests' one clock: tests move it by hand, so "now" is never read from the wall. A Spring test
 * gets it as the application's clock with {@code @Import(TestClock.InContext.class)}.
 */
public final class TestClock extends Clock {

    /** Where every test's "now" starts: 1 June 2025, noon UTC. */
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private volatile Instant now;

    public TestClock() {
        this(NOW);
    }

    public TestClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    /** Replaces the application's clock with a {@link TestClock} at {@link #NOW}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InContext {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(NOW);
        }
    }
}
