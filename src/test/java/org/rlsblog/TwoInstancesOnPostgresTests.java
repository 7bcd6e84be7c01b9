package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Two replicas of the whole application on one PostgreSQL database, as in a deployment behind a
 * load balancer: started at the same time (both migrate and seed the same database), each with
 * its own data folder, talking to readers over real HTTP. What one replica stores or moderates,
 * the other shows, and the author's login (a Spring Session in the database) holds on either.
 */
class TwoInstancesOnPostgresTests {

    private static final String SLUG = "rls-and-liver-diseases";
    private static final String PASSWORD = "two-instances-admin-password";

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase(@TempDir Path dataA, @TempDir Path dataB) {
        String url = TestPostgres.newDatabase("two_instances");
        // Both start at once, as replicas do (migrations, imports). Only their logging set-up
        // takes turns: in one JVM both would reset the one shared Logback context at once, which
        // Spring Boot does not support ("Unable to find Spring Environment in logger context").
        CountDownLatch loggingSetUpOnA = new CountDownLatch(1);
        CompletableFuture<ConfigurableApplicationContext> startA = CompletableFuture.supplyAsync(
                () -> start(url, dataA, new OnEnvironmentPrepared(LOGGING + 1, loggingSetUpOnA::countDown)));
        CompletableFuture<ConfigurableApplicationContext> startB = CompletableFuture.supplyAsync(
                () -> start(url, dataB, new OnEnvironmentPrepared(LOGGING - 1, () -> awaitQuietly(loggingSetUpOnA))));
        CompletableFuture.allOf(startA, startB).exceptionally(ignored -> null).join();
        a = startA.getNow(null);
        b = startB.getNow(null);
        startA.join(); // rethrows a failed start, after both have finished starting
        startB.join();
    }

    /** The order of Spring Boot's listener that sets up logging. */
    private static final int LOGGING = LoggingApplicationListener.DEFAULT_ORDER;

    /** Runs {@code action} when the environment is ready, before or after logging is set up. */
    private record OnEnvironmentPrepared(int order, Runnable action)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            action.run();
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir, OnEnvironmentPrepared listener) {
        return new SpringApplicationBuilder(RlsBlogApplication.class)
                .listeners(listener)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--blog.data-dir=" + dataDir,
                        "--blog.content-dir=" + Path.of("content").toAbsolutePath(),
                        "--blog.admin.password=" + PASSWORD,
                        "--blog.comments.min-fill-time=0",
                        "--blog.comments.flood-interval=0",
                        "--blog.watch=false");
    }

    @AfterAll
    static void stopInstances() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {a, b}) {
            if (context != null) {
                context.close();
            }
        }
    }

    private static BlogClient reader(ConfigurableApplicationContext instance) {
        return new BlogClient(port(instance));
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static BlogClient author(ConfigurableApplicationContext instance) throws Exception {
        BlogClient author = reader(instance);
        author.logIn("admin", PASSWORD);
        return author;
    }

    @Test
    void bothInstancesMigrateTheSharedDatabaseOnceAndServeTheSeededComments() throws Exception {
        List<Long> seededOnA = reader(a).commentIdsOn(SLUG);
        List<Long> seededOnB = reader(b).commentIdsOn(SLUG);

        assertThat(seededOnA).isNotEmpty().doesNotHaveDuplicates().isEqualTo(seededOnB);
        try (var connection = a.getBean(DataSource.class).getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT COUNT(*), COUNT(DISTINCT version) FROM flyway_schema_history WHERE success")) {
            rows.next();
            long migrations = migrationFiles("db/migration") + migrationFiles("db/vendor/postgresql");
            assertThat(rows.getLong(1)).as("applied migrations").isEqualTo(migrations);
            assertThat(rows.getLong(2)).isEqualTo(migrations);
        }
    }

    @Test
    void twoInstancesImportingTheSameCommentsAtOnceStoreEachOnceAndBothSucceed() throws Exception {
        String run = Long.toString(System.nanoTime());
        List<ImportedComment> comments = IntStream.range(0, 300)
                .mapToObj(i -> ImportedComment.builder()
                        .importKey("race:" + run + ":" + i)
                        .postSlug("import-race-" + run)
                        .author(Author.of("Imported " + i, "imported@example.org"))
                        .body("Imported comment " + i)
                        .status(CommentStatus.APPROVED)
                        .createdAt(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i))
                        .build())
                .toList();

        CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(
                () -> a.getBean(CommentService.class).importComments(comments));
        CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(
                () -> b.getBean(CommentService.class).importComments(comments));

        assertThat(onA.get() + onB.get())
                .as("comments added by A and B together")
                .isEqualTo(300);
        try (var connection = a.getBean(DataSource.class).getConnection();
                var statement = connection.prepareStatement(
                        "SELECT COUNT(*), COUNT(DISTINCT import_key) FROM comment WHERE post_slug = ?")) {
            statement.setString(1, "import-race-" + run);
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(300);
                assertThat(rows.getLong(2)).isEqualTo(300);
            }
        }
    }

    @Test
    void aCommentPostedOnOneInstanceAndApprovedOnTheOtherIsShownByBoth() throws Exception {
        long id = reader(a)
                .comment(SLUG, "Replica Reader", "replica@example.org", "Posted to instance A. " + System.nanoTime());

        assertThat(reader(a).commentIdsOn(SLUG)).doesNotContain(id);
        assertThat(reader(b).commentIdsOn(SLUG)).doesNotContain(id);

        author(b).moderate(id, "approve");

        assertThat(reader(b).commentIdsOn(SLUG)).contains(id);
        // A keeps finished pages, but checks the post's comment version in the database at most
        // once a second: it may be a moment behind, never more than a few seconds
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(reader(a).commentIdsOn(SLUG)).contains(id));
    }

    @Test
    void moderationOnOneInstanceIsShownByTheOther() throws Exception {
        long id = reader(b)
                .comment(SLUG, "Second Reader", "second@example.org", "Posted to instance B. " + System.nanoTime());
        author(b).moderate(id, "approve");
        assertThat(reader(b).commentIdsOn(SLUG)).contains(id);

        author(a).moderate(id, "trash");

        assertThat(reader(a).commentIdsOn(SLUG)).doesNotContain(id);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(reader(b).commentIdsOn(SLUG)).doesNotContain(id));
    }

    @Test
    void aReaderSeesTheirOwnPendingCommentOnTheInstanceThatTookItButNoOtherReaderDoes() throws Exception {
        BlogClient writer = reader(a);
        long id = writer.comment(
                SLUG, "Pending Reader", "pending@example.org", "Waiting for moderation. " + System.nanoTime());

        assertThat(writer.commentIdsOn(SLUG)).contains(id);
        assertThat(reader(b).commentIdsOn(SLUG)).doesNotContain(id);
    }

    @Test
    void theAuthorLoggedInOnOneInstanceModeratesOnTheOtherWithTheSameSession() throws Exception {
        long id =
                reader(a).comment(SLUG, "Session Reader", "session@example.org", "Approved on B. " + System.nanoTime());
        BlogClient onA = author(a);
        String session = onA.cookie("SESSION").orElseThrow(() -> new AssertionError("no SESSION cookie after login"));
        BlogClient onB = onA.onInstance(port(b));

        HttpResponse<String> queue = onB.get("/admin/comments");

        assertThat(queue.statusCode())
                .as("the moderation queue on B with A's session")
                .isEqualTo(200);
        assertThat(queue.body()).contains("id=\"queue-" + id + "\"");
        onB.moderate(id, "approve");
        assertThat(b.getBean(CommentService.class).find(id))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CommentStatus.APPROVED));
        assertThat(onB.cookie("SESSION"))
                .as("B kept A's session, not a new one")
                .contains(session);
    }

    @Test
    void anotherInstanceSendsAVisitorWithoutTheSessionToTheLogin() throws Exception {
        author(a);

        HttpResponse<String> queue = reader(b).get("/admin/comments");

        assertThat(queue.statusCode()).isEqualTo(302);
        assertThat(queue.headers().firstValue("Location").orElse("")).endsWith("/admin/login");
    }

    @Test
    void loggingOutOnOneInstanceEndsTheSessionOnTheOther() throws Exception {
        BlogClient onA = author(a);
        BlogClient onB = onA.onInstance(port(b));
        assertThat(onB.get("/admin/comments").statusCode()).isEqualTo(200);
        String csrf =
                onA.page("/admin/comments").selectFirst("input[name=_csrf]").val();

        HttpResponse<String> logout = onA.post("/admin/logout", Map.of("_csrf", csrf));

        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> queue = onB.get("/admin/comments");
        assertThat(queue.statusCode())
                .as("the queue on B after logging out on A")
                .isEqualTo(302);
        assertThat(queue.headers().firstValue("Location").orElse("")).endsWith("/admin/login");
    }

    /** How many Flyway migrations a folder on the classpath holds. */
    private static long migrationFiles(String folder) throws IOException {
        var resources = new PathMatchingResourcePatternResolver().getResources("classpath:" + folder + "/V*__*.sql");
        return resources.length;
    }
}
