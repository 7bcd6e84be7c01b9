package org.rlsblog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The container's HEALTHCHECK command ({@link HealthProbe}) run as the image runs it, in a JVM of
 * its own with only environment variables to go by, against a running site whose actuator is on a
 * management port of its own (as in the image).
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "blog.watch=false"})
class HealthProbeTests {

    private static Path dataDir;

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add(
                "blog.content-dir", () -> Path.of("content").toAbsolutePath().toString());
        registry.add("blog.data-dir", () -> dataDir().toString());
    }

    private static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("rls-blog-health-probe");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = dataDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(created.toFile())));
        }
        return dataDir;
    }

    @Test
    void exitsZeroWhenTheSiteIsReadyOnTheManagementPort() throws Exception {
        assertThat(probe(Map.of("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort))))
                .isZero();
    }

    @Test
    void asksTheManagementPortRatherThanTheServerPortWhenBothAreSet() throws Exception {
        int exit = probe(Map.of(
                "MANAGEMENT_SERVER_PORT", Integer.toString(managementPort),
                "SERVER_PORT", Integer.toString(publicPort)));

        assertThat(exit).isZero();
    }

    @Test
    void exitsOneWhenThePortItAsksAnswersNoReadiness() throws Exception {
        // the public port of a site whose actuator lives on the management port: 404
        assertThat(probe(Map.of("SERVER_PORT", Integer.toString(publicPort)))).isEqualTo(1);
    }

    @Test
    void exitsOneWhenNothingListensOnThePort() throws Exception {
        assertThat(probe(Map.of("MANAGEMENT_SERVER_PORT", Integer.toString(freePort()))))
                .isEqualTo(1);
    }

    @Test
    void asksAnotherPathWhenGivenOne() throws Exception {
        assertThat(probe(
                        Map.of("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort)),
                        "/actuator/health/liveness"))
                .isZero();
        assertThat(probe(Map.of("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort)), "/actuator/nothing"))
                .isEqualTo(1);
    }

    /** Runs the probe in a new JVM with only the given port variables set; its exit status. */
    private static int probe(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                Path.of("target", "classes").toAbsolutePath().toString(),
                HealthProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("MANAGEMENT_SERVER_PORT");
        builder.environment().remove("SERVER_PORT");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the probe finished (output: %s)", output)
                .isTrue();
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
