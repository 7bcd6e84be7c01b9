package org.rlsblog.newsletter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes addresses never confirmed within 7 days, every hour. */
@Component
class SubscriberPurge {

    private static final Logger log = LoggerFactory.getLogger(SubscriberPurge.class);

    private final Subscribers subscribers;

    SubscriberPurge(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public int purgeUnconfirmed() {
        int purged = subscribers.purgeUnconfirmed();
        if (purged > 0) {
            log.info("Newsletter: deleted {} addresses not confirmed within {}", purged, Subscribers.UNCONFIRMED_KEPT);
        }
        return purged;
    }
}
