package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching from the old site, against a local HTTP server: redirects, schemes, the size limit. */
class OldSiteDownloadsTests {

    private HttpServer server;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/wp-content/uploads/2023/03/photo.jpg", exchange -> {
            byte[] body = "JPEG bytes".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/wp-content/uploads/2023/03/moved.jpg", exchange -> {
            exchange.getResponseHeaders().add("Location", "/wp-content/uploads/2023/03/photo.jpg");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/wp-content/uploads/2023/03/to-file.jpg", exchange -> {
            exchange.getResponseHeaders().add("Location", "file:///etc/passwd");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/wp-content/uploads/2023/03/huge.jpg", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length given in advance
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[4096];
                for (int i = 0; i < 100; i++) {
                    out.write(chunk);
                }
            } catch (IOException ignored) {
                // the client hung up at the limit
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesAFileAndFollowsAnHttpRedirect() throws IOException {
        OldSiteDownloads downloads = new OldSiteDownloads(OldSiteDownloads.uploadsAddress(base), 1024);

        assertThat(downloads.copy("2023/03/moved.jpg", dir.resolve("a.jpg"))).isTrue();
        assertThat(Files.readString(dir.resolve("a.jpg"))).isEqualTo("JPEG bytes");
        assertThat(downloads.copy("2023/03/absent.jpg", dir.resolve("b.jpg"))).isFalse();
        assertThat(downloads.exists("2023/03/photo.jpg")).isTrue();
    }

    @Test
    void followsNoRedirectToAnotherScheme() throws IOException {
        OldSiteDownloads downloads = new OldSiteDownloads(OldSiteDownloads.uploadsAddress(base), 1024);

        assertThatThrownBy(() -> downloads.copy("2023/03/to-file.jpg", dir.resolve("c.jpg")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("only http and https");
        assertThat(dir.resolve("c.jpg")).doesNotExist();
        assertThatThrownBy(() -> new OldSiteDownloads(URI.create("ftp://old.example/wp-content/uploads/"), 1024))
                .hasMessageContaining("only http and https");
    }

    @Test
    void stopsAFileLargerThanTheLimitAndKeepsNothingOfIt() throws IOException {
        OldSiteDownloads downloads = new OldSiteDownloads(OldSiteDownloads.uploadsAddress(base), 10_000);

        assertThatThrownBy(() -> downloads.copy("2023/03/huge.jpg", dir.resolve("d.jpg")))
                .hasMessageContaining("limit");
        assertThat(dir.resolve("d.jpg")).doesNotExist();
    }
}
