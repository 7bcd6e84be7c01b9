package org.rlsblog.desk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.rlsblog.SiteFolders;
import org.rlsblog.TestClock;
import org.rlsblog.content.PostCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * One application for the desk's tests: its own content folder (a published article due for
 * review, a fresh one without references, a draft, a scheduled post, a broken file, a page), an H2
 * file database in a fresh data folder, a mail server (GreenMail), and the movable clock at
 * {@link TestClock#NOW}.
 */
@SpringBootTest(
        properties = {
            "blog.watch=false",
            "blog.admin.username=author",
            "blog.admin.password=correct horse battery staple",
            "blog.references.check-every=0",
            "blog.review.every=12 months",
            "blog.notifications.author-email=author@rls.example",
            "blog.base-url=https://rls.example"
        })
@AutoConfigureMockMvc
@Import(TestClock.InContext.class)
abstract class DeskSiteTestSupport {

    /** When the scheduled post goes live: a day after the tests' clock. */
    static final Instant SCHEDULED_AT = TestClock.NOW.plus(Duration.ofDays(1));

    /** The site's mail server, for the weekly digest. */
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    private static Path root;

    @Autowired
    TestClock clock;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PostCatalog catalog;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> root().resolve("content").toString());
        registry.add("blog.data-dir", () -> root().resolve("data").toString());
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    static synchronized Path root() {
        if (root == null) {
            root = SiteFolders.temporary("rls-blog-desk", DeskSiteTestSupport::createSite);
        }
        return root;
    }

    static Path posts() {
        return root().resolve("content").resolve("posts");
    }

    private static void createSite(Path site) throws IOException {
        Path posts = site.resolve("content").resolve("posts");
        Path pages = site.resolve("content").resolve("pages");
        Files.createDirectories(posts);
        Files.createDirectories(pages);
        Files.createDirectories(site.resolve("data"));
        Files.writeString(posts.resolve("2024-01-01-iron-and-rls.md"), """
                ---
                title: Iron and restless legs
                date: 2024-01-01
                tags: [iron]
                reviewed: 2024-03-01
                reviewed_by: Dr. Visser
                ---
                Ferritin matters for restless legs.[^1]

                [^1]: Allen et al. https://example.org/ferritin
                """);
        Files.writeString(posts.resolve("2025-05-01-sleep-diary.md"), """
                ---
                title: Keeping a sleep diary
                date: 2025-05-01
                lang: nl
                ---
                A sleep diary helps the doctor with restless legs.
                """);
        Files.writeString(posts.resolve("2023-01-01-my-garden.md"), """
                ---
                title: My garden
                date: 2023-01-01
                review_every: never
                ---
                Nothing medical here.
                """);
        Files.writeString(posts.resolve("draft-for-the-doctor.md"), """
                ---
                title: A draft for the doctor
                date: 2025-05-20
                draft: true
                tags: [iron]
                ---
                Zebrafish research on restless legs, not yet checked.
                """);
        Files.writeString(posts.resolve("2025-06-02-scheduled.md"), """
                ---
                title: Scheduled for tomorrow
                date: %s
                ---
                Goes live a day after the tests' clock.
                """.formatted(SCHEDULED_AT));
        Files.writeString(posts.resolve("broken.md"), """
                ---
                title: Broken
                date: last tuesday
                ---
                Never published.
                """);
        Files.writeString(pages.resolve("about.md"), """
                ---
                title: About
                ---
                Who writes here.
                """);
    }

    MvcTestResult asAuthor(String path) {
        return mvc.get().uri(path).with(user("author").roles("ADMIN")).exchange();
    }

    MvcTestResult postAsAuthor(String path) {
        return mvc.post()
                .uri(path)
                .with(user("author").roles("ADMIN"))
                .with(csrf())
                .exchange();
    }
}
