package org.rlsblog.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.Mailboxes;
import org.rlsblog.RlsBlogApplication;
import org.rlsblog.TestPostgres;
import org.rlsblog.content.PostCatalog;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the application on one PostgreSQL database, sending the newsletter at the same
 * time to the same SMTP server: both see the new post at once and both send, and every subscriber
 * gets it exactly once.
 */
class NewsletterOnPostgresTests {

    private static final int SUBSCRIBERS = 200;
    private static final String TITLE = "Mailed by two instances";
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static Path content;

    @BeforeAll
    static void startTwoInstances(@TempDir Path dataA, @TempDir Path dataB, @TempDir Path contentDir) throws Exception {
        SMTP.start();
        content = contentDir;
        Files.createDirectories(content.resolve("posts"));
        write("old", "An old post", "2020-01-01");
        String url = TestPostgres.newDatabase("newsletter");
        instances.add(start(url, dataA));
        instances.add(start(url, dataB));
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir) {
        return new SpringApplicationBuilder(RlsBlogApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--blog.data-dir=" + dataDir,
                        "--blog.content-dir=" + content,
                        "--blog.watch=false",
                        "--spring.mail.host=localhost",
                        "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                        "--blog.newsletter.rate=400");
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        SMTP.stop();
    }

    @Test
    void twoInstancesSendEachSubscriberTheNewPostOnce() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = instances.get(0).getBean(DataSource.class).getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO newsletter_subscriber (email, lang, subscribed_at, confirmed_at) VALUES (?, 'nl', ?, ?)")) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                insert.setString(1, "pg-reader" + i + "@example.org");
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        write("two", TITLE, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());

        CompletableFuture.allOf(instances.stream()
                        .map(instance -> CompletableFuture.runAsync(
                                () -> instance.getBean(PostCatalog.class).reload()))
                        .toArray(CompletableFuture[]::new))
                .join();

        await().atMost(Duration.ofSeconds(60)).until(() -> delivered().size() >= SUBSCRIBERS);
        Thread.sleep(Duration.ofSeconds(3).toMillis()); // time for a second copy to arrive, if one were sent
        Map<String, Long> perSubscriber =
                delivered().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perSubscriber).hasSize(SUBSCRIBERS);
        assertThat(perSubscriber.values()).as("mails per subscriber").containsOnly(1L);
    }

    private static List<String> delivered() {
        return Mailboxes.recipientsOf(SMTP, TITLE);
    }

    private static void write(String slug, String title, String date) throws Exception {
        Files.writeString(content.resolve("posts/" + slug + ".md"), """
                ---
                title: %s
                date: %s
                ---

                The text of %s.
                """.formatted(title, date, title));
    }
}
