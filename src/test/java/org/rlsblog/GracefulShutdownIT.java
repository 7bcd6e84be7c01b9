package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, stopped with SIGTERM (as {@code docker stop} and Kubernetes stop it) while
 * readers are loading pages and a comment is half sent: the server stops taking new connections,
 * lets the comment in flight finish and store, then exits on its own, well within the 30 s a
 * container runtime waits before SIGKILL.
 *
 * <p>The comment is made slow on purpose: its headers and the first half of its form arrive before
 * the SIGTERM, the rest only once the log shows the graceful shutdown waiting for it. So it is in
 * flight at the moment of the signal for certain, not by luck of timing.
 *
 * <p>A connection kept open between requests (as a proxy keeps it) is closed before Tomcat pauses,
 * and readers' connections end after their answer: nobody gets an error page for a request sent
 * during the shutdown.
 *
 * <p>Runs in {@code verify} (maven-failsafe-plugin), after {@code package} has built the jar.
 */
class GracefulShutdownIT {

    private static final String SLUG = "rls-and-liver-diseases";
    private static final int PAGE_READERS = 4;

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    /** The app's log, kept after the test for whoever has to find out why it failed. */
    private final Path logs = Path.of("target", "graceful-shutdown-it");

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsStillRunning() throws InterruptedException {
        PackagedJar.stopAll(started);
    }

    @Test
    void finishesTheRequestsInFlightAndExitsSoonAfterSigterm() throws Exception {
        Path jar = PackagedJar.copyInto(work);
        Files.createDirectories(logs);
        Path log = logs.resolve("app.log");
        int port = PackagedJar.freePort();
        Process app = PackagedJar.start(jar, port, dataDir, log, started);

        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger pagesServed = new AtomicInteger();
        ExecutorService pageReaders = Executors.newFixedThreadPool(PAGE_READERS);
        List<Future<?>> reading = new ArrayList<>();
        for (int r = 0; r < PAGE_READERS; r++) {
            String path =
                    List.of("/posts/" + SLUG, "/", "/tags/rls", "/feed.atom").get(r);
            reading.add(pageReaders.submit(() -> {
                BlogClient client = new BlogClient(port);
                while (!stopping.get() || app.isAlive()) {
                    HttpResponse<String> response;
                    try {
                        response = client.get(path);
                    } catch (IOException refusedOnceStopping) {
                        if (!stopping.get()) {
                            throw refusedOnceStopping;
                        }
                        return null;
                    }
                    assertThat(response.statusCode())
                            .as("GET %s (stopping: %s)", path, stopping.get())
                            .isEqualTo(200);
                    assertThat(response.body().strip())
                            .as("a whole answer to GET %s", path)
                            .endsWith(path.endsWith(".atom") ? "</feed>" : "</html>");
                    pagesServed.incrementAndGet();
                }
                return null;
            }));
        }

        String body = "Sent across a SIGTERM. " + System.nanoTime();
        try (SlowComment comment = SlowComment.begin(port, body);
                KeepAliveConnection idle = new KeepAliveConnection(port)) {
            assertThat(idle.get("/tags/rls").orElseThrow().status())
                    .as("a page on a connection then left idle, as a proxy leaves it")
                    .isEqualTo(200);
            await("pages served under load before the SIGTERM")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> pagesServed.get() >= 20);
            stopping.set(true);
            long signalled = System.nanoTime();
            sigterm(app);

            await("the log to show the graceful shutdown waiting for the comment (log: " + log + ")")
                    .atMost(Duration.ofSeconds(15))
                    .failFast("the app exited with the comment still in flight", () -> !app.isAlive())
                    .until(() -> Files.readString(log).contains("Commencing graceful shutdown"));
            assertThat(app.isAlive()).as("waiting for the request in flight").isTrue();
            assertThat(refusesNewConnections(port))
                    .as("new connections once stopping")
                    .isTrue();
            assertThat(idle.get("/tags/rls").map(KeepAliveConnection.Answer::status))
                    .as("a request on the connection that was idle at the SIGTERM: closed, so a client"
                            + " retries elsewhere, rather than answered with an error")
                    .isEmpty();

            String status = comment.finish();

            assertThat(status).as("answer to the comment in flight at SIGTERM").startsWith("HTTP/1.1 303");
            assertThat(app.waitFor(30, TimeUnit.SECONDS))
                    .as("exited within 30 s of the SIGTERM")
                    .isTrue();
            Duration toExit = Duration.ofNanos(System.nanoTime() - signalled);
            System.out.printf("exited %d ms after SIGTERM with status %d%n", toExit.toMillis(), app.exitValue());
            assertThat(app.exitValue()).as("exit status after SIGTERM").isIn(0, 128 + 15);
        }
        for (Future<?> reader : reading) {
            reader.get(30, TimeUnit.SECONDS);
        }
        pageReaders.shutdown();

        String output = Files.readString(log);
        assertThat(output)
                .contains("Commencing graceful shutdown")
                .contains("Graceful shutdown complete")
                .doesNotContain("Graceful shutdown aborted")
                .doesNotContain(" ERROR ");
        assertThat(storedComments(body))
                .as("the comment in flight at SIGTERM, in the store")
                .isEqualTo(1);
    }

    /** True when a new request on a new connection gets no answer. */
    private static boolean refusesNewConnections(int port) {
        try {
            int status = new BlogClient(port).get("/").statusCode();
            System.out.printf("new request while stopping answered %d%n", status);
            return false;
        } catch (IOException refused) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A comment form posted over a raw socket in two halves: the headers and half the body now,
     * the rest on {@link #finish()}. Between the two, the server has the request in hand and waits.
     */
    private static final class SlowComment implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final BufferedReader in;
        private final byte[] rest;

        private SlowComment(Socket socket, byte[] rest) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            this.rest = rest;
        }

        static SlowComment begin(int port, String text) throws IOException, InterruptedException {
            BlogClient browser = new BlogClient(port);
            String action = "/posts/" + SLUG + "/comments";
            Element form = browser.page("/posts/" + SLUG).selectFirst("form[action=" + action + "]");
            assertThat(form).as("the comment form").isNotNull();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", form.selectFirst("input[name=_csrf]").val());
            fields.put("formToken", form.selectFirst("input[name=formToken]").val());
            fields.put("parentId", "");
            fields.put("homepage", "");
            fields.put("name", "Patient Reader");
            fields.put("email", "patient@example.org");
            fields.put("website", "");
            fields.put("body", text);
            byte[] body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"))
                    .getBytes(StandardCharsets.UTF_8);
            String cookie = browser.cookie("XSRF-TOKEN")
                    .map(value -> "XSRF-TOKEN=" + value)
                    .orElseThrow(() -> new AssertionError("no CSRF cookie with the form"));
            String head = "POST " + action + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Accept: text/html\r\n"
                    + "Cookie: " + cookie + "\r\n"
                    + "Connection: close\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            Socket socket = new Socket("localhost", port);
            socket.setSoTimeout(30_000);
            int half = body.length / 2;
            SlowComment comment = new SlowComment(socket, Arrays.copyOfRange(body, half, body.length));
            comment.out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            comment.out.flush();
            String interim = comment.in.readLine();
            assertThat(interim).as("the server's go-ahead for the body").startsWith("HTTP/1.1 100");
            comment.in.readLine(); // the blank line that ends the interim answer
            comment.out.write(body, 0, half);
            comment.out.flush();
            return comment;
        }

        /** Sends the rest of the form; the status line of the answer. */
        String finish() throws IOException {
            out.write(rest);
            out.flush();
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private long storedComments(String body) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("rls-blog"), "sa", "");
                PreparedStatement statement =
                        connection.prepareStatement("SELECT COUNT(*) FROM comment WHERE body = ?")) {
            statement.setString(1, body);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** SIGTERM, as {@code kill -TERM}, {@code docker stop} and Kubernetes send it. */
    private static void sigterm(Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).as("kill -TERM %d", process.pid()).isZero();
    }
}
