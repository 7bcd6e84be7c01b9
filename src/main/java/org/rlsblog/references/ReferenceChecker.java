package org.rlsblog.references;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rlsblog.content.ContentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the links cited in published articles, a few at a time, in rounds: each link once every
 * {@code blog.references.check-every}. A round is skipped while readers are busy with the site, and
 * a round in which no host answered at all changes nothing: a machine without a network would
 * otherwise call every reference broken.
 */
@Component
class ReferenceChecker {

    private static final Logger log = LoggerFactory.getLogger(ReferenceChecker.class);

    /** Links asked per round; with a round a minute, a thousand references take a few hours each week. */
    static final int LINKS_PER_ROUND = 10;

    /** Requests under way from which the site counts as busy. */
    static final int BUSY_IN_FLIGHT = 4;

    /** Requests a second, since the last round, from which the site counts as busy. */
    static final double BUSY_PER_SECOND = 5;

    private final CitedLinks cited;
    private final ReferenceStore store;
    private final ReaderTraffic traffic;
    private final ReferenceProperties properties;
    private final Clock clock;
    private final Politeness politeness;
    private final LinkProbe probe;
    private long requestsAtLastRound;
    private long nanosAtLastRound = System.nanoTime();
    private volatile boolean noNetwork;

    ReferenceChecker(
            CitedLinks cited,
            ReferenceStore store,
            ReaderTraffic traffic,
            ReferenceProperties properties,
            ContentProperties site,
            Clock clock) {
        this.cited = cited;
        this.store = store;
        this.traffic = traffic;
        this.properties = properties;
        this.clock = clock;
        this.politeness = new Politeness(clock);
        this.probe = new LinkProbe(
                properties.timeout(),
                "rls-blog-reference-checker/1.0 (checks the references of " + site.absolute("/") + ")");
    }

    /** What a round did. */
    enum Round {
        OFF,
        BUSY,
        NOTHING_DUE,
        NO_NETWORK,
        CHECKED
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT2M")
    void scheduledRound() throws InterruptedException {
        if (properties.enabled()) {
            runRound();
        }
    }

    synchronized Round runRound() throws InterruptedException {
        if (!properties.enabled()) {
            return Round.OFF;
        }
        if (busy()) {
            return Round.BUSY;
        }
        Map<String, ReferenceStore.Check> checks = store.all();
        Instant now = clock.instant();
        List<String> due = cited.links().stream()
                .filter(url -> isDue(checks.get(url), now))
                .sorted(Comparator.comparing(
                        url -> checks.containsKey(url) ? checks.get(url).checkedAt() : Instant.MIN))
                .toList();
        Map<String, LinkProbe.Answer> answers = new LinkedHashMap<>();
        for (String url : due) {
            if (answers.size() >= LINKS_PER_ROUND || traffic.inFlight() >= BUSY_IN_FLIGHT) {
                break;
            }
            LinkProbe.Answer answer = ask(url);
            if (answer.outcome() != LinkProbe.Outcome.DEFERRED) {
                answers.put(url, answer);
            }
        }
        politeness.forgetIdle();
        if (answers.isEmpty()) {
            return Round.NOTHING_DUE;
        }
        boolean anyAnswered = answers.values().stream().anyMatch(a -> a.outcome() != LinkProbe.Outcome.UNREACHABLE);
        if (!anyAnswered) {
            if (!noNetwork) {
                log.warn("Cannot check references: no network (no host of {} links answered)", answers.size());
            }
            noNetwork = true;
            return Round.NO_NETWORK;
        }
        noNetwork = false;
        Instant at = clock.instant();
        answers.forEach(
                (url, answer) -> store.record(url, at, answer.outcome() == LinkProbe.Outcome.GOOD, answer.text()));
        return Round.CHECKED;
    }

    /** Whether the last round found no network at all. */
    boolean noNetwork() {
        return noNetwork;
    }

    private LinkProbe.Answer ask(String url) throws InterruptedException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new LinkProbe.Answer(LinkProbe.Outcome.BROKEN, "not a valid address");
        }
        if (uri.getHost() == null) {
            return new LinkProbe.Answer(LinkProbe.Outcome.BROKEN, "not a valid address");
        }
        return probe.check(uri, politeness);
    }

    private boolean isDue(ReferenceStore.Check check, Instant now) {
        return check == null || !check.checkedAt().plus(properties.checkEvery()).isAfter(now);
    }

    /** Busy now, or busy on average since the last round. */
    private boolean busy() {
        long requests = traffic.total();
        long nanos = System.nanoTime();
        double seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos - nanosAtLastRound));
        double rate = (requests - requestsAtLastRound) / seconds;
        requestsAtLastRound = requests;
        nanosAtLastRound = nanos;
        return traffic.inFlight() >= BUSY_IN_FLIGHT || rate >= BUSY_PER_SECOND;
    }
}
