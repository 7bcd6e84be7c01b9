package org.rlsblog.comments;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Clears the keyed hash of a comment's client address once nothing reads it any more. The hash is
 * pseudonymous, not anonymous: whoever holds the database also holds the key, and can hash every
 * IPv4 address to find the one that matches. Its only reader is the flood check ({@link
 * SubmitRules}), which looks back {@code blog.comments.flood-interval}; so every minute, the hashes
 * of comments older than that are set to null, and the flood check's own rows are deleted.
 */
@Component
class ClientHashClearing {

    private static final Logger log = LoggerFactory.getLogger(ClientHashClearing.class);

    private final CommentWrites writes;
    private final SubmitClaims claims;
    private final CommentProperties properties;
    private final Clock clock;

    ClientHashClearing(CommentWrites writes, SubmitClaims claims, CommentProperties properties, Clock clock) {
        this.writes = writes;
        this.claims = claims;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many hashes were cleared. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public int clearOld() {
        int cleared = writes.clearClientHashes(clock.instant().minus(properties.floodInterval()))
                + claims.forgetClients(clock.instant(), properties.floodInterval());
        if (cleared > 0) {
            log.debug("Cleared the client hash of {} comments older than {}", cleared, properties.floodInterval());
        }
        return cleared;
    }
}
