package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.images.TestImages;

/**
 * The packaged jar makes WebP variants: in the jar, ImageIO finds its plug-ins (TwelveMonkeys, the
 * WebP writer) only through the application's class loader, which a pool thread that first touched
 * ImageIO did not have. Several posts with images, rendered in parallel at start, and each post's
 * WebP variant must come out as WebP. They are made in worker processes, started from the jar
 * through Spring Boot's launcher, which end with the site.
 *
 * <p>Runs in {@code verify} (maven-failsafe-plugin), after {@code package} has built the jar.
 */
class ImagesInPackagedJarIT {

    private static final int POSTS = 12;
    private static final int PHOTOS = 6;

    @TempDir
    Path content;

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void makesTheWebpVariantsOfEveryPostsImage() throws Exception {
        for (int i = 0; i < POSTS; i++) {
            Path bundle = Files.createDirectories(content.resolve("posts/pictures-" + i));
            Files.write(bundle.resolve("leg.png"), TestImages.png(TestImages.photo(1000, 600, i)));
            Files.writeString(
                    bundle.resolve("index.md"),
                    "---\ntitle: Pictures " + i + "\ndate: 2024-01-0" + (1 + i % 9)
                            + "\n---\n\nA leg, drawn.\n\n![A drawn leg](leg.png)\n");
        }
        int port = PackagedJar.freePort();
        Path log = work.resolve("app.log");
        PackagedJar.start(
                PackagedJar.copyInto(work), port, dataDir, log, started, List.of("--blog.content-dir=" + content));

        for (int i = 0; i < POSTS; i++) {
            String page = get(port, "/posts/pictures-" + i).body();
            Element webp = Jsoup.parse(page).selectFirst("source[type=image/webp]");
            assertThat(webp).as("post %d has a WebP source", i).isNotNull();
            String variant = webp.attr("srcset").split(" ")[0];
            await("the WebP variant " + variant)
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        HttpResponse<byte[]> answer = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + variant))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        return answer.statusCode() == 200
                                && answer.headers()
                                        .firstValue("Cache-Control")
                                        .orElse("")
                                        .contains("immutable")
                                && new String(answer.body(), 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
                    });
        }
        assertThat(Files.readString(log))
                .doesNotContain("no variants could be made")
                .contains("Image variants: worker process");
    }

    @Test
    void noWorkerOutlivesTheSite() throws Exception {
        Path bundle = Files.createDirectories(content.resolve("posts/photos"));
        StringBuilder post = new StringBuilder("---\ntitle: Photos\ndate: 2024-02-01\n---\n\n");
        for (int i = 0; i < PHOTOS; i++) {
            Files.write(bundle.resolve(i + ".jpg"), TestImages.jpeg(TestImages.photo(4000, 3000, i), 0.9f));
            post.append("![Photo ").append(i).append("](").append(i).append(".jpg)\n\n");
        }
        Files.writeString(bundle.resolve("index.md"), post);
        Process site = PackagedJar.start(
                PackagedJar.copyInto(work),
                PackagedJar.freePort(),
                dataDir,
                work.resolve("app.log"),
                started,
                List.of("--blog.content-dir=" + content));
        List<ProcessHandle> workers = new ArrayList<>();
        await("a worker process").atMost(Duration.ofSeconds(60)).until(() -> {
            workers.addAll(site.descendants().toList());
            return !workers.isEmpty();
        });

        site.destroy(); // as a container stops: the site stops its workers before it ends
        assertThat(site.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle worker : workers) {
            // at once: a worker left alone would end only after its image, when it finds its input closed
            assertThat(worker.isAlive())
                    .as("worker %d outlives the site", worker.pid())
                    .isFalse();
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
