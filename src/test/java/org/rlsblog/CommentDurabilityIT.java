package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, under a mixed load (readers fetching pages while commenters post), killed with
 * SIGKILL at a random moment (after a random number of acknowledged comments, at least
 * {@value #COMMENTS}) while other readers are still sending theirs, keeps every acknowledged comment:
 * after a restart on the same data folder the store opens without repair, and each acknowledged
 * comment is there exactly once under the id the reader was sent to.
 *
 * <p>Runs in {@code verify} (maven-failsafe-plugin), after {@code package} has built the jar.
 */
class CommentDurabilityIT {

    private static final int COMMENTS = 200;
    private static final int READERS = 4;
    private static final int PAGE_READERS = 8;
    private static final String SLUG = "rls-and-liver-diseases";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    /** Logs of the app's runs, kept after the test for whoever has to find out why it failed. */
    private final Path logs = Path.of("target", "durability-it");

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsStillRunning() throws InterruptedException {
        PackagedJar.stopAll(started);
    }

    @Test
    void everyAcknowledgedCommentSurvivesAKillNineAndIsStoredOnce() throws Exception {
        Path jar = PackagedJar.copyInto(work);
        Files.createDirectories(logs);
        int port = PackagedJar.freePort();
        Process first = PackagedJar.start(jar, port, dataDir, logs.resolve("first.log"), started);

        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Boolean> unanswered = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        int killAfter = COMMENTS + new Random().nextInt(COMMENTS);
        System.out.printf("killing after %d acknowledged comments%n", killAfter);
        AtomicInteger pagesRead = new AtomicInteger();
        ExecutorService pageReaders = Executors.newFixedThreadPool(PAGE_READERS);
        List<Future<?>> reading = new ArrayList<>();
        for (int r = 0; r < PAGE_READERS; r++) {
            String path =
                    List.of("/posts/" + SLUG, "/", "/tags/rls", "/feed.atom").get(r % 4);
            reading.add(pageReaders.submit(() -> {
                BlogClient client = new BlogClient(port);
                while (!killed.get()) {
                    try {
                        int status = client.get(path).statusCode();
                        if (!killed.get()) {
                            assertThat(status).as("GET %s under load", path).isEqualTo(200);
                            pagesRead.incrementAndGet();
                        }
                    } catch (IOException cutOffByTheKill) {
                        if (!killed.get()) {
                            throw cutOffByTheKill;
                        }
                    }
                }
                return null;
            }));
        }
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        List<Future<?>> work = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            work.add(readers.submit(() -> {
                BlogClient client = new BlogClient(port);
                while (!killed.get()) {
                    String body = "Durable comment " + sequence.incrementAndGet() + " from reader " + reader + ".";
                    long id;
                    try {
                        id = client.comment(SLUG, "Reader " + reader, "reader" + reader + "@example.org", body);
                    } catch (IOException | AssertionError e) {
                        if (killed.get()) {
                            unanswered.put(body, true); // cut off by the kill: may or may not be stored
                            return null;
                        }
                        if (!first.isAlive()) {
                            throw new AssertionError(
                                    "the app exited before the test killed it, with status "
                                            + first.exitValue() + " (143: SIGTERM from outside); see "
                                            + logs.resolve("first.log").toAbsolutePath(),
                                    e);
                        }
                        throw e;
                    }
                    acknowledged.put(id, body);
                    if (acknowledged.size() >= killAfter && killed.compareAndSet(false, true)) {
                        killNine(first);
                    }
                }
                return null;
            }));
        }
        for (Future<?> reader : work) {
            reader.get(120, TimeUnit.SECONDS);
        }
        readers.shutdown();
        for (Future<?> reader : reading) {
            reader.get(60, TimeUnit.SECONDS);
        }
        pageReaders.shutdown();
        System.out.printf("pages read under load before the kill: %d%n", pagesRead.get());
        assertThat(pagesRead.get())
                .as("readers were served while comments were written")
                .isPositive();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue())
                .as("exit status of a process killed by SIGKILL")
                .isEqualTo(128 + 9);

        Path secondLog = logs.resolve("second.log");
        Process second = PackagedJar.start(jar, port, dataDir, secondLog, started);
        assertThat(new BlogClient(port).get("/posts/" + SLUG).statusCode()).isEqualTo(200);
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(secondLog)).doesNotContain(" ERROR ").doesNotContainIgnoringCase("corrupt");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("H2 writes a .trace.db file when it meets a problem")
                    .noneMatch(name -> name.endsWith(".trace.db"));
        }

        Map<String, List<Long>> stored = storedReaderComments();
        List<String> missing = new ArrayList<>();
        acknowledged.forEach((id, body) -> {
            if (!stored.getOrDefault(body, List.of()).equals(List.of(id))) {
                missing.add(id + " (" + body + ") stored as " + stored.get(body));
            }
        });
        System.out.printf(
                "Durability: %d comments acknowledged before SIGKILL, %d of them found once after restart; "
                        + "%d requests cut off by the kill, %d of those stored%n",
                acknowledged.size(),
                acknowledged.size() - missing.size(),
                unanswered.size(),
                unanswered.keySet().stream().filter(stored::containsKey).count());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(COMMENTS);
        assertThat(missing)
                .as("acknowledged comments not stored exactly once under their id")
                .isEmpty();
        assertThat(stored.values())
                .as("no comment stored twice")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(stored.keySet()).isSubsetOf(union(acknowledged.values(), unanswered.keySet()));
    }

    private Map<String, List<Long>> storedReaderComments() throws SQLException {
        Map<String, List<Long>> stored = new HashMap<>();
        try (Connection connection =
                        DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("rls-blog"), "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT id, body FROM comment WHERE import_key IS NULL ORDER BY id")) {
            while (rows.next()) {
                stored.computeIfAbsent(rows.getString("body"), b -> new ArrayList<>())
                        .add(rows.getLong("id"));
            }
        }
        return stored;
    }

    private static List<String> union(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** SIGKILL, as {@code kill -9} sends it: no shutdown hook, no flush, no chance to clean up. */
    private static void killNine(Process process) {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                process.destroyForcibly(); // SIGKILL on Linux as well
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
