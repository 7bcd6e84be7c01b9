package org.rlsblog.comments;

import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes spam and trash that has been there longer than {@code blog.comments.purge-after}, every
 * hour, and the claims of clients and forms that no check reads any more.
 */
@Component
class CommentPurge {

    private static final Logger log = LoggerFactory.getLogger(CommentPurge.class);

    private final CommentWrites writes;
    private final SubmitClaims claims;
    private final CommentProperties properties;
    private final Clock clock;

    CommentPurge(CommentWrites writes, SubmitClaims claims, CommentProperties properties, Clock clock) {
        this.writes = writes;
        this.claims = claims;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many comments were deleted. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public int purgeOld() {
        int purged = writes.purge(
                EnumSet.of(CommentStatus.SPAM, CommentStatus.TRASH),
                clock.instant().minus(properties.purgeAfter()));
        if (purged > 0) {
            log.info("Purged {} spam and trash comments older than {}", purged, properties.purgeAfter());
        }
        claims.forgetTokens(clock.instant());
        return purged;
    }
}
