package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The site as the container image runs it: actuator on a management port of its own (as
 * {@code MANAGEMENT_SERVER_PORT} sets it) with health, info and prometheus exposed there, over
 * real HTTP. Probes, build info and metrics answer on the management port; the public port has
 * none of them.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "management.endpoints.web.exposure.include=health,info,prometheus",
            "management.endpoint.health.show-components=always",
            "blog.watch=false",
            "blog.comments.min-fill-time=0",
            "blog.comments.flood-interval=0"
        })
class OperationsEndpointsTests {

    private static final String SLUG = "rls-and-liver-diseases";
    private static Path dataDir;

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    CommentService comments;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add(
                "blog.content-dir", () -> Path.of("content").toAbsolutePath().toString());
        registry.add("blog.data-dir", () -> dataDir().toString());
    }

    private static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("rls-blog-operations");
                Path created = dataDir;
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(created.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return get(managementPort, path);
    }

    @Test
    void runsTheManagementEndpointsOnAPortOfTheirOwn() {
        assertThat(managementPort).isPositive().isNotEqualTo(publicPort);
    }

    @Test
    void reportsReadinessUpFromTheDatabaseAndTheContent() throws Exception {
        HttpResponse<String> readiness = management("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        String body = readiness.body();
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("UP");
        Map<String, Object> components = JsonPath.read(body, "$.components");
        assertThat(components).containsOnlyKeys("readinessState", "db", "content");
        assertThat((String) JsonPath.read(body, "$.components.db.status")).isEqualTo("UP");
        assertThat((String) JsonPath.read(body, "$.components.content.status")).isEqualTo("UP");
    }

    @Test
    void reportsLivenessUpFromTheLivenessStateAlone() throws Exception {
        HttpResponse<String> liveness = management("/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(liveness.body(), "$.status")).isEqualTo("UP");
        Map<String, Object> components = JsonPath.read(liveness.body(), "$.components");
        assertThat(components).containsOnlyKeys("livenessState");
    }

    @Test
    void showsNoHealthDetailsEvenOnTheManagementPort() throws Exception {
        HttpResponse<String> health = management("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("\"details\"").doesNotContain("jdbc:");
    }

    @Test
    void tellsTheBuildVersionInTheInfo() throws Exception {
        HttpResponse<String> info = management("/actuator/info");

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(info.body(), "$.build.version")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat((String) JsonPath.read(info.body(), "$.build.artifact")).isEqualTo("rls-blog");
    }

    @Test
    void countsServedPagesInThePrometheusScrape() throws Exception {
        assertThat(get(publicPort, "/posts/" + SLUG).statusCode()).isEqualTo(200);

        HttpResponse<String> scrape = management("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(scrape.body())
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/posts/\\{slug}\"[^}]*} \\d")
                .contains("application=\"rls-blog\"");
    }

    @Test
    void reportsThePendingCommentCountInThePrometheusScrape() throws Exception {
        double before = pendingGauge(management("/actuator/prometheus").body());

        long id = new BlogClient(publicPort)
                .comment(SLUG, "Metric Reader", "metrics@example.org", "Counted while pending. " + System.nanoTime());

        assertThat(comments.find(id))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CommentStatus.PENDING));
        double after = pendingGauge(management("/actuator/prometheus").body());
        assertThat(after).isEqualTo(before + 1);
        assertThat(after).isEqualTo((double) comments.countByStatus().get(CommentStatus.PENDING));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus",
                "/actuator/env",
                "/actuator/beans"
            })
    void answersNoActuatorPathOnThePublicPort(String path) throws Exception {
        HttpResponse<String> response = get(publicPort, path);

        assertThat(response.statusCode()).as("GET %s on the public port", path).isEqualTo(404);
        assertThat(response.body())
                .doesNotContain("\"UP\"")
                .doesNotContain("\"build\"")
                .doesNotContain("# HELP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"})
    void exposesNothingButHealthInfoAndPrometheusOnTheManagementPort(String path) throws Exception {
        assertThat(management(path).statusCode()).as("GET %s", path).isEqualTo(404);
    }

    private static final Pattern PENDING =
            Pattern.compile("(?m)^blog_comments\\{[^}]*status=\"pending\"[^}]*} (\\S+)$");

    private static double pendingGauge(String scrape) {
        Matcher m = PENDING.matcher(scrape);
        assertThat(m.find())
                .as("blog_comments{status=\"pending\"} in the scrape")
                .isTrue();
        return Double.parseDouble(m.group(1));
    }
}
