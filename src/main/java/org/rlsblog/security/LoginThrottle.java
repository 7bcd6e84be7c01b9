package org.rlsblog.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rlsblog.throttle.Buckets;
import org.rlsblog.throttle.ClientKey;

/**
 * Admin login attempts counted three ways: per client ({@link ClientKey}: an IPv4 address, an IPv6
 * /64), per account, and for the whole site. Each count is a Bucket4j bucket with three limits, so
 * the pace slows after repeated attempts: {@code blog.admin.login-attempts} per {@code
 * login-window}, then twice that per four windows, then four times that per sixteen windows. A
 * successful login gives its attempt back and makes its client known: a known client is held only
 * to its own count, so a guessing campaign spread over many clients cannot keep the author out on
 * the network they logged in from before.
 */
final class LoginThrottle {

    /** How many clients' counts are held at once; the least recently used are forgotten first. */
    private static final int TRACKED_CLIENTS = 100_000;
    /** How many clients that logged in are remembered as known. */
    private static final int KNOWN_CLIENTS = 1_000;
    /** How long a client that logged in stays known. */
    private static final Duration KNOWN_FOR = Duration.ofDays(30);
    /** One account's limits, as a multiple of one client's: the author may try from a few places. */
    private static final int ACCOUNT_FACTOR = 4;
    /**
     * The whole site's limits, as a multiple of one client's: less than the two accounts' together
     * (the author's, and every other name's), so that it binds.
     */
    private static final int SITE_FACTOR = 6;
    /** Each further limit allows this many times the attempts of the one before... */
    private static final int TIER_ATTEMPTS = 2;
    /** ...over this many times its window: so the pace halves from one limit to the next. */
    private static final int TIER_WINDOW = 4;

    private static final int TIERS = 3;

    private final AdminProperties admin;
    private final Clock clock;
    private final Cache<String, Bucket> clients;
    private final Cache<String, Boolean> knownClients;
    private final Bucket account;
    private final Bucket otherAccounts;
    private final Bucket site;

    LoginThrottle(AdminProperties admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
        // a bucket unused for its longest window is full again: forgetting it changes nothing
        this.clients = Caffeine.newBuilder()
                .maximumSize(TRACKED_CLIENTS)
                .expireAfterAccess(longestWindow())
                .build();
        this.knownClients = Caffeine.newBuilder()
                .maximumSize(KNOWN_CLIENTS)
                .expireAfterWrite(KNOWN_FOR)
                .build();
        this.account = bucket(ACCOUNT_FACTOR);
        this.otherAccounts = bucket(ACCOUNT_FACTOR);
        this.site = bucket(SITE_FACTOR);
    }

    /** The attempts that were counted for one login, to give back if it succeeds. */
    record Attempt(String client, List<Bucket> counted) {}

    /**
     * Counts an attempt to log in as {@code username} from {@code address}: the attempt, or the
     * seconds to wait when one of its limits is reached (nothing is counted then).
     */
    Result attempt(String address, String username) {
        String client = ClientKey.of(address);
        List<Bucket> counts = new ArrayList<>();
        counts.add(clients.get(client, key -> bucket(1)));
        if (knownClients.getIfPresent(client) == null) {
            counts.add(isAdmin(username) ? account : otherAccounts);
            counts.add(site);
        }
        List<Bucket> counted = new ArrayList<>();
        for (Bucket count : counts) {
            ConsumptionProbe probe = count.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                counted.forEach(taken -> taken.addTokens(1));
                return new Result(null, Buckets.retryAfterSeconds(probe));
            }
            counted.add(count);
        }
        return new Result(new Attempt(client, counted), 0);
    }

    /** The author got in: the attempt is given back, and the client is known from now on. */
    void succeeded(Attempt attempt) {
        attempt.counted().forEach(count -> count.addTokens(1));
        knownClients.put(attempt.client(), Boolean.TRUE);
    }

    /** Either an attempt to let through, or (when it is null) how many seconds to wait for the next. */
    record Result(@Nullable Attempt attempt, long retryAfterSeconds) {}

    private boolean isAdmin(String username) {
        return username.strip().toLowerCase(Locale.ROOT).equals(admin.username().toLowerCase(Locale.ROOT));
    }

    private Bucket bucket(int factor) {
        LocalBucketBuilder builder = Buckets.builder(clock);
        long attempts = (long) admin.loginAttempts() * factor;
        Duration window = admin.loginWindow();
        for (int tier = 0; tier < TIERS; tier++) {
            builder.addLimit(Bandwidth.builder()
                    .capacity(attempts)
                    .refillGreedy(attempts, window)
                    .build());
            attempts *= TIER_ATTEMPTS;
            window = window.multipliedBy(TIER_WINDOW);
        }
        return builder.build();
    }

    private Duration longestWindow() {
        return admin.loginWindow().multipliedBy((long) Math.pow(TIER_WINDOW, TIERS - 1));
    }
}
