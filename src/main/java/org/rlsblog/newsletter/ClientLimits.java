package org.rlsblog.newsletter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * How many subscription requests one client may make: {@value #REQUESTS} per {@link #WINDOW}, for an
 * IPv4 address or an IPv6 /64 (one household or server gets a whole /64). Kept in memory only, per
 * instance, so no reader's address is stored; a bounded cache keeps a flood of addresses from
 * exhausting memory.
 */
@Component
class ClientLimits {

    static final int REQUESTS = 5;
    static final Duration WINDOW = Duration.ofHours(1);
    private static final int TRACKED_CLIENTS = 100_000;
    private static final int PREFIX_BYTES = 8;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(TRACKED_CLIENTS)
            .expireAfterAccess(WINDOW)
            .build();

    /** Takes one request from the client's allowance; false when it has none left. */
    boolean tryRequest(String remoteAddress) {
        return buckets.get(
                        clientKey(remoteAddress),
                        key -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(REQUESTS)
                                        .refillGreedy(REQUESTS, WINDOW)
                                        .build())
                                .build())
                .tryConsume(1);
    }

    /** The address itself for IPv4, its first 64 bits for IPv6. */
    static String clientKey(String remoteAddress) {
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                return HexFormat.of().formatHex(bytes, 0, PREFIX_BYTES) + "::/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }
}
