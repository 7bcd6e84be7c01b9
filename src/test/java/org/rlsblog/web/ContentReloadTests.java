package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rlsblog.TestPages.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.SiteFolders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The running site picks up new, edited and deleted posts from the watched content folder. */
@SpringBootTest(properties = {"blog.watch=true", "blog.reload-delay=100ms"})
@AutoConfigureMockMvc
@DirtiesContext
class ContentReloadTests {

    @TempDir
    static Path site;

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> site.resolve("content").toString());
        registry.add("blog.data-dir", () -> site.resolve("data").toString());
    }

    @BeforeAll
    static void createContentFolder() throws IOException {
        Files.createDirectories(site.resolve("content/posts"));
        Files.createDirectories(site.resolve("content/pages"));
        Files.createDirectories(site.resolve("data"));
        SiteFolders.post(site.resolve("content"), "existing.md", "title: Existing\ndate: 2024-01-01\n", "Was here.");
    }

    private int status(String path) {
        return mvc.get().uri(path).exchange().getResponse().getStatus();
    }

    private String body(String path) {
        return html(mvc.get().uri(path).exchange()).text();
    }

    @Test
    void servesANewPostThenItsEditThenForgetsItWhenDeleted() throws IOException {
        assertThat(status("/posts/arrived")).isEqualTo(404);

        Path file = site.resolve("content/posts/arrived.md");
        Files.writeString(file, "---\ntitle: Just arrived\ndate: 2024-05-01\n---\nFirst version.\n");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(body("/posts/arrived")).contains("Just arrived", "First version."));
        assertThat(body("/")).contains("Just arrived", "Existing");

        Files.writeString(file, "---\ntitle: Just arrived, edited\ndate: 2024-05-01\n---\nSecond version, longer.\n");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(body("/posts/arrived")).contains("Just arrived, edited", "Second version, longer."));

        Files.delete(file);
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/posts/arrived") == 404);
        assertThat(status("/posts/existing")).isEqualTo(200);
    }

    @Test
    void picksUpAPostInANewSubfolder() throws IOException {
        SiteFolders.post(
                site.resolve("content"), "2025/in-a-folder.md", "title: In a folder\ndate: 2024-06-01\n", "Nested.");

        await().atMost(Duration.ofSeconds(10)).until(() -> status("/posts/in-a-folder") == 200);
    }

    @Test
    void leavesOutAPostThatBreaksAndKeepsServingTheOthers() throws IOException {
        Path broken = site.resolve("content/posts/breaks.md");
        Files.writeString(broken, "---\ntitle: Fine for now\ndate: 2024-02-01\n---\nOk.\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/posts/breaks") == 200);

        Files.writeString(broken, "---\ntitle: Fine for now\ndate: not a date\n---\nOk.\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> status("/posts/breaks") == 404);
        assertThat(status("/posts/existing")).isEqualTo(200);
        Files.delete(broken);
    }
}
