package org.rlsblog.newsletter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.rlsblog.content.ContentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one thread per instance that sends the newsletter: it announces posts whose date has come,
 * then takes due deliveries one at a time: claim, send, mark. At most one delivery is claimed and
 * unmarked at any moment, so a crash leaves at most one mail whose fate is unknown (see
 * docs/operations.md). Sending is paced at {@code blog.newsletter.rate}.
 */
@Component
class Sender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    /** Due deliveries read at once; each is still claimed on its own just before its mail. */
    static final int BATCH = 100;
    /** How long the thread waits when there is nothing to send, before it looks again. */
    static final Duration IDLE = Duration.ofSeconds(1);
    /** How long sending pauses when the mail server cannot be reached, doubled up to {@link #LONGEST_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);

    static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    /** How long {@link #stop()} waits for the mail being sent to finish. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** Below the web server's phase (Spring Boot starts it at {@code DEFAULT_PHASE - 2048}). */
    static final int START_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final NewsletterSwitch newsletter;
    private final Announcements announcements;
    private final Deliveries deliveries;
    private final DeliveryAttempts attempts;
    private final MailOut mail;
    private final Bucket pace;
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread thread;
    private Duration pause = FIRST_PAUSE;

    Sender(
            NewsletterSwitch newsletter,
            Announcements announcements,
            Deliveries deliveries,
            DeliveryAttempts attempts,
            MailOut mail,
            NewsletterProperties properties) {
        this.newsletter = newsletter;
        this.announcements = announcements;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.mail = mail;
        long nanosPerMail = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / properties.rate()));
        this.pace = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(1)
                        .refillGreedy(1, Duration.ofNanos(nanosPerMail))
                        .build())
                .build();
    }

    /**
     * Records the posts already there before the site answers anyone (see {@link #getPhase}), so
     * that even a first start stopped at once knows which posts were published before it.
     */
    @Override
    public synchronized void start() {
        if (!newsletter.on() || running) {
            return;
        }
        try {
            announcements.scan();
        } catch (RuntimeException e) {
            log.warn("Newsletter: posts not recorded yet, trying again shortly: {}", e.getMessage());
        }
        running = true;
        thread = new Thread(this::run, "newsletter-sender");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread sending;
        synchronized (this) {
            running = false;
            sending = thread;
        }
        if (sending != null) {
            sending.interrupt();
            try {
                sending.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        mail.closeConnection();
    }

    /** Before the web server starts, and so stopped after it has stopped. */
    @Override
    public int getPhase() {
        return START_PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A new post may have come: look at once rather than at the next idle turn. */
    @EventListener
    void onContentChanged(ContentChanged changed) {
        announcements.contentChanged();
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                announcements.scan();
                List<Long> due = deliveries.due(BATCH);
                if (due.isEmpty()) {
                    mail.closeConnection();
                    synchronized (wake) {
                        wake.wait(IDLE.toMillis());
                    }
                    continue;
                }
                for (long id : due) {
                    if (!running) {
                        return;
                    }
                    pace.asBlocking().consume(1);
                    Optional<Deliveries.Claimed> claimed = deliveries.claim(id);
                    if (claimed.isPresent() && attempts.deliver(claimed.get())) {
                        pause = FIRST_PAUSE;
                    }
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (DeliveryAttempts.PauseSending unavailable) {
                mail.closeConnection();
                log.warn(
                        "Newsletter: the mail server is not available ({}); trying again in {}",
                        unavailable.getMessage(),
                        pause);
                if (!sleep(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } catch (RuntimeException e) {
                log.error("Newsletter: sending failed, trying again shortly", e);
                if (!sleep(FIRST_PAUSE)) {
                    return;
                }
            }
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
