package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Comments sent at the same moment over real HTTP, as a script or a double click sends them: one
 * client with one form (one CSRF token, one form token) sends many at once. The spam defences keep
 * their real settings (3 s fill time, 15 s flood interval); the clock is moved past the fill time
 * after the form is shown, and past the flood interval before each test. Subclasses choose the store.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"blog.watch=false", "blog.notifications.author-email=author@example.org"})
@Import(TestClock.InContext.class)
abstract class ParallelCommentPostsTests {

    private static final String SLUG = "rls-and-liver-diseases";
    private static final int PARALLEL = 20;
    private static GreenMail smtp;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add(
                "blog.content-dir", () -> Path.of("content").toAbsolutePath().toString());
        registry.add("blog.data-dir", () -> dataDir.toString());
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyCommentsSentAtOnceWithOneFormStoreOnlyWhatTheFloodLimitAllowsAndMailItOnce() throws Exception {
        String run = "Racer " + System.nanoTime();
        BlogClient reader = new BlogClient(port);
        Map<String, String> form = reader.commentForm(SLUG, run, "racer@example.org", "");
        clock.advance(Duration.ofMinutes(1)); // past the fill time, and past any earlier test's flood interval

        List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("email", "racer-" + i + "@example.org");
            fields.put("body", run + ", comment number " + i + ".");
            posts.add(() -> reader.post("/posts/" + SLUG + "/comments", fields));
        }
        List<HttpResponse<String>> answers = allAtOnce(posts);

        assertThat(stored(run)).as("comments stored").isEqualTo(1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 303).hasSize(1);
        for (HttpResponse<String> refused : answers) {
            if (refused.statusCode() != 303) {
                assertThat(refused.statusCode()).as("a refused comment").isEqualTo(429);
                assertThat(Jsoup.parse(refused.body())
                                .select("textarea[name=body]")
                                .text())
                        .as("the reader's text comes back")
                        .startsWith(run);
            }
        }
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(15))
                .until(() -> mailsToTheAuthorAbout(run) == 1);
    }

    @Test
    void aDoubleClickStoresTheCommentOnceAndTellsTheSecondClickItIsThereAlready() throws Exception {
        for (int round = 0; round < 5; round++) {
            String run = "Double " + System.nanoTime();
            BlogClient reader = new BlogClient(port);
            Map<String, String> form = reader.commentForm(SLUG, run, "double@example.org", run + ", clicked twice.");
            clock.advance(Duration.ofMinutes(1));

            Callable<HttpResponse<String>> click = () -> reader.post("/posts/" + SLUG + "/comments", form);
            List<HttpResponse<String>> answers = allAtOnce(List.of(click, click));

            assertThat(stored(run)).as("round %s: comments stored", round).isEqualTo(1);
            assertThat(answers.stream().map(HttpResponse::statusCode).sorted())
                    .as(
                            "round %s: the answers, %s",
                            round,
                            answers.stream()
                                    .map(a -> Jsoup.parse(a.body())
                                            .select("#comment-error")
                                            .text())
                                    .toList())
                    .containsExactly(303, 409);
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> mailsToTheAuthorAbout(run) == 1);
        }
    }

    private long stored(String run) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE body LIKE :run")
                .param("run", run + "%")
                .query(Long.class)
                .single();
    }

    /** Sends each request on its own thread, released at the same moment; the answers in order. */
    private static <T> List<T> allAtOnce(List<Callable<T>> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> sent = new ArrayList<>();
            for (Callable<T> request : requests) {
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long mailsToTheAuthorAbout(String run) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(run);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .count();
    }
}
