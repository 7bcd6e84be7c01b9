package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, killed with SIGKILL in the middle of mailing a new post to {@value #SUBSCRIBERS}
 * subscribers, then started again: the SMTP server (GreenMail, in this JVM) ends up with exactly one
 * copy of the post for each subscriber. The kill comes while the site waits for the server's answer
 * to one mail (the server holds that mail back and then drops it), so that mail is not delivered and
 * its claim is left unmarked; after the lease, the restarted site sends it. A kill after the server's
 * 250 and before the mark is the one case that can send a mail twice (see docs/operations.md).
 */
class NewsletterKillIT {

    private static final int SUBSCRIBERS = 500;
    private static final String POST_TITLE = "News for every subscriber";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private final Path logs = Path.of("target", "newsletter-it");
    private final List<Process> started = new ArrayList<>();
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @AfterEach
    void stopWhatIsStillRunning() throws InterruptedException {
        PackagedJar.stopAll(started);
        smtp.stop();
    }

    @Test
    void eachSubscriberGetsTheNewPostExactlyOnceAcrossAKillNineAndARestart() throws Exception {
        smtp.start();
        Path jar = PackagedJar.copyInto(work);
        Files.createDirectories(logs);
        Path content = work.resolve("content");
        Files.createDirectories(content.resolve("posts"));
        writePost(content, "old", "An old post", "2020-01-01");
        int port = PackagedJar.freePort();
        List<String> settings = List.of(
                "--blog.content-dir=" + content,
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--blog.newsletter.rate=100",
                "--blog.newsletter.lease=5s");

        // first start: the store is made and the old post recorded as already published
        Process first = PackagedJar.start(jar, port, dataDir, logs.resolve("first.log"), started, settings);
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        addConfirmedSubscribers();
        writePost(
                content,
                "news",
                POST_TITLE,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());

        int killAfter = 100 + new Random().nextInt(300);
        HoldBack holdBack = new HoldBack(smtp.getManagers().getUserManager(), killAfter);
        smtp.getManagers().getUserManager().setMessageDeliveryHandler(holdBack::deliver);
        Process second = PackagedJar.start(jar, port, dataDir, logs.resolve("second.log"), started, settings);
        assertThat(holdBack.holding.await(120, TimeUnit.SECONDS))
                .as("the site sent %d mails and waits for the answer to the next", killAfter)
                .isTrue();
        killNine(second);
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        holdBack.drop();
        System.out.printf(
                "Newsletter: killed with %d mails delivered%n", delivered().size());
        assertThat(delivered()).hasSize(killAfter);

        Process third = PackagedJar.start(jar, port, dataDir, logs.resolve("third.log"), started, settings);
        await("every subscriber's mail")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> delivered().size() >= SUBSCRIBERS);
        Thread.sleep(Duration.ofSeconds(7).toMillis()); // longer than the lease: a duplicate would come now
        third.destroy();
        assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Map<String, Long> perSubscriber =
                delivered().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perSubscriber).hasSize(SUBSCRIBERS);
        assertThat(perSubscriber.values()).as("mails per subscriber").containsOnly(1L);
        assertThat(sentRows()).isEqualTo(SUBSCRIBERS);
    }

    /** The recipients of the post's mails the SMTP server took, one entry per mail. */
    private List<String> delivered() {
        return Mailboxes.recipientsOf(smtp, POST_TITLE);
    }

    /**
     * Delivers mails until {@code count} have been delivered, then holds the next one back (the site
     * waits for the server's answer) until {@link #drop}, which refuses it.
     */
    private static final class HoldBack {

        private final UserManager users;
        private final int count;
        private final AtomicInteger delivered = new AtomicInteger();
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicBoolean dropping = new AtomicBoolean();

        HoldBack(UserManager users, int count) {
            this.users = users;
            this.count = count;
        }

        GreenMailUser deliver(MovingMessage message, MailAddress to) throws UserException {
            if (!dropping.get() && delivered.get() >= count) {
                holding.countDown();
                try {
                    released.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new UserException("held back and dropped: the sender was killed");
            }
            delivered.incrementAndGet();
            GreenMailUser user = users.getUserByEmail(to.getEmail());
            return user != null ? user : users.createUser(to.getEmail(), to.getEmail(), to.getEmail());
        }

        void drop() {
            dropping.set(true);
            released.countDown();
        }
    }

    private void addConfirmedSubscribers() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection =
                        DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("rls-blog"), "sa", "");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO newsletter_subscriber (email, lang, subscribed_at, confirmed_at) VALUES (?, 'en', ?, ?)")) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                insert.setString(1, "reader" + i + "@example.org");
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long sentRows() throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("rls-blog"), "sa", "");
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM newsletter_delivery WHERE state = 'SENT' AND post_slug = 'news'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void writePost(Path content, String slug, String title, String date) throws IOException {
        Files.writeString(content.resolve("posts/" + slug + ".md"), """
                ---
                title: %s
                date: %s
                ---

                The text of %s.
                """.formatted(title, date, title));
    }

    /** SIGKILL, as {@code kill -9} sends it: no shutdown hook, no flush, no chance to clean up. */
    private static void killNine(Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            process.destroyForcibly();
        }
    }
}
