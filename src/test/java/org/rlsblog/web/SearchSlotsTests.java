package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchSlotsTests {

    private final ExecutorService others = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        others.shutdownNow();
    }

    @Test
    void letsAsManySearchesRunAsThereAreSlots() {
        SearchSlots slots = new SearchSlots(2, Duration.ZERO);

        assertThat(slots.enter()).isTrue();
        assertThat(slots.enter()).isTrue();
        assertThat(slots.enter()).isFalse();

        slots.leave();
        assertThat(slots.enter()).isTrue();
    }

    @Test
    void aSearchWaitsForASlotThatComesFree() throws Exception {
        SearchSlots slots = new SearchSlots(1, Duration.ofSeconds(30));
        assertThat(slots.enter()).isTrue();

        Future<Boolean> waiting = others.submit(slots::enter);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        slots.leave();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusesAtOnceWhenTooManyWait() throws Exception {
        SearchSlots slots = new SearchSlots(1, Duration.ofMinutes(5));
        assertThat(slots.enter()).isTrue();
        CountDownLatch started = new CountDownLatch(4);
        List<Future<Boolean>> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(others.submit(() -> {
                started.countDown();
                return slots.enter();
            }));
        }
        started.await();
        Thread.sleep(200); // the four are waiting for the slot

        Future<Boolean> fifth = others.submit(slots::enter);

        // refused without waiting its five minutes
        assertThat(fifth.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(waiting).noneMatch(Future::isDone);
    }
}
