package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.SiteFolders;
import org.rlsblog.content.PostCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The content folder vanishing or turning into something unreadable while the site runs: what
 * was loaded keeps being served, the log says what is wrong, and content comes back with the folder.
 */
@SpringBootTest(properties = {"blog.watch=true", "blog.reload-delay=100ms"})
@AutoConfigureMockMvc
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ContentDirectoryFailureTests {

    @TempDir
    static Path site;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PostCatalog catalog;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> content().toString());
        registry.add("blog.data-dir", () -> site.resolve("data").toString());
    }

    static Path content() {
        return site.resolve("content");
    }

    @BeforeAll
    static void copyTheRealContent() throws IOException {
        SiteFolders.copyContent(site);
    }

    private int status(String path) {
        return mvc.get().uri(path).exchange().getResponse().getStatus();
    }

    @Test
    void keepsServingWhatWasLoadedWhileTheFolderIsGoneOrUnreadableAndPicksUpContentWhenItIsBack(CapturedOutput output)
            throws IOException {
        assertThat(status("/posts/rls-and-liver-diseases")).isEqualTo(200);
        Path away = site.resolve("content-away");

        Files.move(content(), away);
        assertThat(catalog.reload()).as("a reload without the folder").isFalse();
        assertThat(status("/posts/rls-and-liver-diseases")).isEqualTo(200);
        assertThat(status("/")).isEqualTo(200);
        assertThat(output.getAll())
                .contains("content folder " + content().toAbsolutePath() + " is missing or unreadable");

        Files.writeString(content(), "a file where the folder should be");
        assertThat(catalog.reload())
                .as("a reload with a file in the folder's place")
                .isFalse();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getAll())
                        .contains("Content folder " + content().toAbsolutePath() + " is gone"));
        assertThat(status("/posts/rls-and-liver-diseases")).isEqualTo(200);
        assertThat(status("/about")).isEqualTo(200);

        // a deploy puts a new copy in place (a different folder than the one that went away)
        Path fresh = site.resolve("content-new");
        SiteFolders.copy(away, fresh);
        SiteFolders.post(fresh, "back-again.md", "title: Back again\ndate: 2024-03-01\n", "New after the outage.");
        Files.delete(content());
        Files.move(fresh, content());

        await().atMost(Duration.ofSeconds(15)).until(() -> status("/posts/back-again") == 200);
        assertThat(status("/posts/rls-and-liver-diseases")).isEqualTo(200);
        assertThat(output.getAll()).contains("Content folder " + content().toAbsolutePath() + " is back");
    }
}
