package org.rlsblog.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.rlsblog.search.SearchProperties;
import org.rlsblog.throttle.Buckets;
import org.rlsblog.throttle.ClientKey;
import org.springframework.stereotype.Component;

/**
 * Searches per client ({@link ClientKey}: an IPv4 address, an IPv6 /64): {@code
 * blog.search.searches-per-minute}, refilled gradually (Bucket4j), so that one client sending
 * unique queries as fast as it can cannot take the site's cores from readers.
 */
@Component
class SearchRateLimit {

    /** Clients counted at once; the least recently seen are forgotten first (their count was full). */
    private static final int TRACKED_CLIENTS = 100_000;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final SearchProperties properties;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    SearchRateLimit(SearchProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        // a bucket untouched for a minute is full again: forgetting it changes nothing
        this.buckets = Caffeine.newBuilder()
                .maximumSize(TRACKED_CLIENTS)
                .expireAfterAccess(MINUTE)
                .build();
    }

    /** Counts a search from {@code address}: empty, or the seconds to wait when it is one too many. */
    OptionalLong refusal(String address) {
        if (properties.searchesPerMinute() == 0) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe =
                buckets.get(ClientKey.of(address), key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(Buckets.retryAfterSeconds(probe));
    }

    /** Gives back the search {@link #refusal} counted, when it was refused for another reason. */
    void giveBack(String address) {
        Bucket bucket = buckets.getIfPresent(ClientKey.of(address));
        if (bucket != null) {
            bucket.addTokens(1); // never past the bucket's capacity
        }
    }

    private Bucket newBucket() {
        int searches = properties.searchesPerMinute();
        return Buckets.builder(clock)
                .addLimit(Bandwidth.builder()
                        .capacity(searches)
                        .refillGreedy(searches, MINUTE)
                        .build())
                .build();
    }
}
