package org.rlsblog.newsletter;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.rlsblog.RlsBlogApplication;
import org.rlsblog.content.PostCatalog;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The newsletter benchmark (not a test; see docs/benchmarks.md): the whole application on an H2
 * file sends a new post to many subscribers through GreenMail at {@code blog.newsletter.rate}, and
 * the heap after a full collection is printed every few seconds, to show that memory stays flat
 * however many subscribers there are. GreenMail's mailboxes are emptied as mails arrive, so that
 * they do not fill this JVM's heap. Arguments: subscribers (10000), rate in mails per second (500).
 */
public final class NewsletterSendRun {

    private static final long MB = 1024 * 1024;
    private static final long REPORT_EVERY_MILLIS = 5_000;

    private NewsletterSendRun() {}

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String rate = args.length > 1 ? args[1] : "500";
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        AtomicLong received = new AtomicLong();
        UserManager users = smtp.getManagers().getUserManager();
        GreenMailUser sink = users.createUser("sink@example.org", "sink", "sink");
        users.setMessageDeliveryHandler((message, to) -> {
            received.incrementAndGet();
            return sink;
        });
        Path content = Files.createTempDirectory("newsletter-bench-content");
        Files.createDirectories(content.resolve("posts"));
        write(content, "old", "An old post", "2020-01-01");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RlsBlogApplication.class)
                .run(
                        "--server.port=0",
                        "--blog.data-dir=" + Files.createTempDirectory("newsletter-bench-data"),
                        "--blog.content-dir=" + content,
                        "--blog.watch=false",
                        "--spring.mail.host=localhost",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--blog.newsletter.rate=" + rate,
                        "--blog.newsletter.full-content=true");
        try {
            addSubscribers(app.getBean(DataSource.class), subscribers);
            write(
                    content,
                    "news",
                    "News for the benchmark",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed() / MB;
            long start = System.nanoTime();
            app.getBean(PostCatalog.class).reload();
            long lowest = Long.MAX_VALUE;
            long highest = 0;
            while (received.get() < subscribers) {
                Thread.sleep(REPORT_EVERY_MILLIS);
                smtp.purgeEmailFromAllMailboxes();
                System.gc();
                long used = memory.getHeapMemoryUsage().getUsed() / MB;
                lowest = Math.min(lowest, used);
                highest = Math.max(highest, used);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "newsletter-bench: %6d mails in %5.1f s (%6.1f/s), heap after GC %d MB%n",
                        received.get(), seconds, received.get() / seconds, used);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "newsletter-bench: %d subscribers at rate %s: %.1f s, %.1f mails/s; heap after GC before %d MB,"
                            + " while sending %d–%d MB%n",
                    subscribers, rate, seconds, subscribers / seconds, before, lowest, highest);
        } finally {
            app.close();
            smtp.stop();
        }
    }

    private static void addSubscribers(DataSource dataSource, int count) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO newsletter_subscriber (email, lang, subscribed_at, confirmed_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "bench" + i + "@example.org");
                insert.setString(2, i % 2 == 0 ? "en" : "nl");
                insert.setObject(3, now);
                insert.setObject(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void write(Path content, String slug, String title, String date) throws Exception {
        Files.writeString(content.resolve("posts/" + slug + ".md"), """
                ---
                title: %s
                date: %s
                ---

                The text of %s, long enough to be a real article. ![A picture](/images/%s.png)
                """.formatted(title, date, title, slug));
    }
}
