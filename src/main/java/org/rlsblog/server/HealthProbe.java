package org.rlsblog.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK, for images without curl or wget: asks the running site's readiness
 * endpoint and exits 0 when it answers 200. Reads the port from {@code MANAGEMENT_SERVER_PORT},
 * else {@code SERVER_PORT}, else 8080. Run as {@code java -cp app.jar org.rlsblog.server.HealthProbe}.
 */
public final class HealthProbe {

    private static final String DEFAULT_PORT = "8080";
    private static final String READINESS = "/actuator/health/readiness";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);
    private static final int OK = 200;

    private HealthProbe() {}

    public static void main(String[] args) {
        String port = firstSet(System.getenv("MANAGEMENT_SERVER_PORT"), System.getenv("SERVER_PORT"));
        String path = args.length > 0 ? args[0] : READINESS;
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(ANSWER_TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == OK ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health probe failed: " + e);
            System.exit(1);
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return DEFAULT_PORT;
    }
}
