package org.rlsblog.references;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.TestContentProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checker against a local server whose pages are good, moved, gone, slow, refuse HEAD, or
 * send the reader to another site's home page; the server counts what it is asked.
 */
@JdbcTest
@Import({ReferenceStore.class, TestClock.InContext.class})
class ReferenceCheckerTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration ROUND = Duration.ofSeconds(61);

    @Autowired
    ReferenceStore store;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private HttpServer server;
    private ExecutorService serverThreads;
    private String base;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Map<String, Integer> byPath = new ConcurrentHashMap<>();
    private final Set<String> userAgents = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean goneComesBack = new AtomicBoolean();
    private final ReaderTraffic traffic = new ReaderTraffic();

    @BeforeEach
    void startServer() throws IOException {
        jdbc.sql("DELETE FROM reference_link").update();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/", this::answer);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        byPath.merge(path, 1, Integer::sum);
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        switch (path) {
            case "/good", "/article" -> send(exchange, 200);
            case "/head-refused" -> send(exchange, head ? 405 : 200);
            case "/moved" -> redirect(exchange, 301, base + "/article");
            case "/gone" -> send(exchange, goneComesBack.get() ? 200 : 410);
            case "/to-home" ->
                redirect(
                        exchange, 302, "http://localhost:" + server.getAddress().getPort() + "/");
            case "/slow" -> {
                sleep(TIMEOUT.multipliedBy(4));
                send(exchange, 200);
            }
            default -> send(exchange, 404);
        }
    }

    /** The request ends here as far as counting goes: the client may send its next one at once. */
    private void send(HttpExchange exchange, int status) throws IOException {
        inFlight.decrementAndGet();
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, status);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ReferenceChecker checker(Duration checkEvery, String... links) {
        CitedLinks cited = mock(CitedLinks.class);
        when(cited.links()).thenReturn(new LinkedHashSet<>(List.of(links)));
        ContentProperties site = TestContentProperties.builder()
                .timeZone(ZoneOffset.UTC)
                .baseUrl("https://rls.example")
                .dataDir(Path.of("data"))
                .build();
        return new ReferenceChecker(cited, store, traffic, new ReferenceProperties(checkEvery, TIMEOUT), site, clock);
    }

    private Map<String, String> brokenAnswers() {
        return store.broken().stream()
                .collect(Collectors.toMap(c -> c.url().substring(base.length()), ReferenceStore.Check::lastAnswer));
    }

    private List<Integer> roundsUntilAllChecked(ReferenceChecker checker) throws InterruptedException {
        List<Integer> perRound = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            int before = requests.get();
            checker.runRound();
            perRound.add(requests.get() - before);
            clock.advance(ROUND);
        }
        return perRound;
    }

    @Test
    void findsTheGoneTheSlowAndTheRedirectedToAnotherSitesHome() throws Exception {
        ReferenceChecker checker = checker(
                Duration.ofDays(7),
                base + "/good",
                base + "/head-refused",
                base + "/moved",
                base + "/gone",
                base + "/slow",
                base + "/to-home");

        roundsUntilAllChecked(checker);

        assertThat(store.all()).hasSize(6);
        assertThat(brokenAnswers())
                .containsOnlyKeys("/gone", "/slow", "/to-home")
                .containsEntry("/gone", "410")
                .containsEntry("/to-home", "302 to the home page of localhost");
        assertThat(brokenAnswers().get("/slow")).startsWith("no answer within");
        assertThat(byPath).containsEntry("/head-refused", 2).containsEntry("/article", 1);
        assertThat(userAgents)
                .singleElement()
                .satisfies(agent -> assertThat(agent)
                        .startsWith("rls-blog-reference-checker/")
                        .contains("https://rls.example/"));
    }

    @Test
    void asksEachHostOneRequestAtATimeAndAFewAMinute() throws Exception {
        String[] links = new String[12];
        for (int i = 0; i < links.length; i++) {
            links[i] = base + "/good?n=" + i;
        }
        ReferenceChecker checker = checker(Duration.ofDays(7), links);

        List<Integer> perRound = roundsUntilAllChecked(checker);

        assertThat(perRound).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(Politeness.PER_HOST_PER_MINUTE));
        assertThat(perRound.get(0)).isEqualTo(Politeness.PER_HOST_PER_MINUTE);
        assertThat(mostInFlight.get()).isEqualTo(1);
        assertThat(store.all()).hasSize(links.length);
    }

    @Test
    void checksEachLinkOnlyAfterCheckEvery() throws Exception {
        ReferenceChecker checker = checker(Duration.ofDays(7), base + "/good");
        checker.runRound();
        clock.advance(ROUND);

        assertThat(checker.runRound()).isEqualTo(ReferenceChecker.Round.NOTHING_DUE);
        assertThat(requests.get()).isEqualTo(1);

        clock.advance(Duration.ofDays(7));
        assertThat(checker.runRound()).isEqualTo(ReferenceChecker.Round.CHECKED);
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aLinkThatComesBackLeavesTheList() throws Exception {
        ReferenceChecker checker = checker(Duration.ofDays(7), base + "/gone");
        checker.runRound();
        assertThat(brokenAnswers()).containsOnlyKeys("/gone");

        goneComesBack.set(true);
        clock.advance(Duration.ofDays(8));
        checker.runRound();

        assertThat(brokenAnswers()).isEmpty();
    }

    @Test
    void callsAnUnknownHostBrokenWhenOtherSitesAnswer() throws Exception {
        ReferenceChecker checker = checker(Duration.ofDays(7), base + "/good", "http://no-such-host.invalid/paper");

        assertThat(checker.runRound()).isEqualTo(ReferenceChecker.Round.CHECKED);

        assertThat(store.broken()).singleElement().satisfies(c -> {
            assertThat(c.url()).isEqualTo("http://no-such-host.invalid/paper");
            assertThat(c.lastAnswer()).contains("no-such-host.invalid");
        });
    }

    @Test
    void saysNoNetworkInOneLineWhenNoHostAnswers() throws Exception {
        ReferenceChecker checker = checker(
                Duration.ofDays(7), "http://first.invalid/a", "http://second.invalid/b", "http://third.invalid/c");
        ReferenceChecks checks =
                new ReferenceChecks(store, checker, new ReferenceProperties(Duration.ofDays(7), TIMEOUT));

        assertThat(checker.runRound()).isEqualTo(ReferenceChecker.Round.NO_NETWORK);

        assertThat(checks.problem()).contains("cannot check references: no network");
        assertThat(checks.broken()).isEmpty();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void skipsTheRoundWhileReadersAreBusy() throws Exception {
        ReferenceChecker checker = checker(Duration.ofDays(7), base + "/good");
        for (int i = 0; i < ReferenceChecker.BUSY_IN_FLIGHT; i++) {
            traffic.requestInitialized(null);
        }

        assertThat(checker.runRound()).isEqualTo(ReferenceChecker.Round.BUSY);
        assertThat(requests.get()).isZero();
    }

    @Test
    void doesNothingWhenSwitchedOff() throws Exception {
        ReferenceChecker checker = checker(Duration.ZERO, base + "/good");

        assertThat(checker.runRound()).isEqualTo(ReferenceChecker.Round.OFF);
        assertThat(requests.get()).isZero();
    }
}
