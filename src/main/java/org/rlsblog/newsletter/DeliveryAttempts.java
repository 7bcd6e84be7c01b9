package org.rlsblog.newsletter;

import java.time.Duration;
import java.util.Optional;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * One attempt at a claimed delivery: the letter is sent and what the mail server answered is
 * recorded: sent, failed for good, tried again later, or (server unreachable) released with a
 * {@link PauseSending} for the {@link Sender} to wait on.
 */
@Component
class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    /** A temporarily refused mail is tried again after this, doubled for each further attempt. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    static final Duration LONGEST_RETRY = Duration.ofHours(2);
    /** Attempts before a temporarily refused mail is given up (about a day of retries). */
    static final int MAX_ATTEMPTS = 12;
    /** Doublings of {@link #FIRST_RETRY} beyond which the shift could overflow; far past {@link #LONGEST_RETRY}. */
    private static final int MAX_DOUBLINGS = 16;

    private final Deliveries deliveries;
    private final Subscribers subscribers;
    private final Subscriptions subscriptions;
    private final Letters letters;
    private final MailOut mail;
    private final PostCatalog catalog;
    private final String host;

    DeliveryAttempts(
            Deliveries deliveries,
            Subscribers subscribers,
            Subscriptions subscriptions,
            Letters letters,
            MailOut mail,
            PostCatalog catalog,
            ContentProperties content) {
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.letters = letters;
        this.mail = mail;
        this.catalog = catalog;
        this.host = content.baseUrl().getHost() == null
                ? "localhost"
                : content.baseUrl().getHost();
    }

    /**
     * @return whether the mail was sent
     * @throws PauseSending when the mail server cannot be reached; the delivery is released
     */
    boolean deliver(Deliveries.Claimed delivery) {
        Optional<Post> post = catalog.findPost(delivery.postSlug());
        if (post.isEmpty()) {
            deliveries.fail(delivery.id(), "the post is no longer published");
            return false;
        }
        MailOut.Letter letter = letters.letter(
                post.get(),
                delivery.email(),
                delivery.lang(),
                subscriptions.unsubscribeUrl(delivery.email()),
                "<newsletter-" + delivery.id() + "@" + host + ">");
        try {
            mail.send(letter);
        } catch (MailException e) {
            failed(delivery, e);
            return false;
        }
        deliveries.markSent(delivery.id());
        return true;
    }

    private void failed(Deliveries.Claimed delivery, MailException e) {
        String error = String.valueOf(e.getMessage());
        switch (SmtpOutcome.of(e)) {
            case ADDRESS_REFUSED -> {
                deliveries.fail(delivery.id(), error);
                subscribers.stop(delivery.email(), "BOUNCED");
                log.info("Newsletter: the mail server refused a subscriber's address for good; it is removed");
            }
            case MESSAGE_REFUSED -> deliveries.fail(delivery.id(), error);
            case TRY_LATER -> {
                if (delivery.attempts() + 1 >= MAX_ATTEMPTS) {
                    deliveries.fail(delivery.id(), error);
                } else {
                    deliveries.retryLater(delivery.id(), retryAfter(delivery.attempts()), error);
                }
            }
            case SERVER_UNAVAILABLE -> {
                deliveries.release(delivery.id());
                throw new PauseSending(error);
            }
        }
    }

    static Duration retryAfter(int attemptsBefore) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attemptsBefore, MAX_DOUBLINGS));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** The mail server did not answer about a mail; sending waits a while. */
    static final class PauseSending extends RuntimeException {
        PauseSending(String message) {
            super(message, null, false, false);
        }
    }
}
