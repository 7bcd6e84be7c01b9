package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.rlsblog.comments.CommentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One application for the comment and moderation HTTP tests, shared by every class that extends
 * this (same configuration, so Spring caches the context). It has its own site folder: the real
 * {@code content/} (seed article and seed comment) plus posts with open, closed and hidden
 * comments, an H2 file database in a fresh data folder, an admin password, and a movable clock.
 *
 * <p>The spam defences keep their real settings (3 s fill time, 15 s flood interval). Tests that
 * are not about them send a form token issued a minute ago ({@link #agedFormToken()}) from a client
 * address no other request used ({@link #aNewClient()}), so they never trip them.
 */
@SpringBootTest(
        properties = {
            "blog.watch=false",
            "blog.admin.username=author",
            "blog.admin.password=" + CommentSiteTestSupport.ADMIN_PASSWORD,
            "blog.admin.login-attempts=5",
            "blog.moderation.author-name=Site Author",
            "blog.moderation.author-email=author@rlsblog.test"
        })
@AutoConfigureMockMvc
@Import(TestClock.InContext.class)
public abstract class CommentSiteTestSupport {

    public static final Instant NOW = TestClock.NOW;
    /** When the site's one scheduled post, {@code /posts/scheduled}, goes live. */
    public static final Instant SCHEDULED_AT = NOW.plus(Duration.ofHours(1));

    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final String SEED_SLUG = "rls-and-liver-diseases";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)$");
    private static Path root;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected CommentService comments;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> root().resolve("content").toString());
        registry.add("blog.data-dir", () -> root().resolve("data").toString());
    }

    // ---- The site folder ----

    private static synchronized Path root() {
        if (root == null) {
            root = SiteFolders.temporary("rls-blog-comments", CommentSiteTestSupport::createSite);
        }
        return root;
    }

    private static void createSite(Path site) throws IOException {
        Path content = SiteFolders.copyContent(site);
        post(content, "open-for-comments", "Open for comments", "open");
        post(content, "threaded", "A threaded discussion", "open");
        post(content, "remember-me", "Remember me", "open");
        post(content, "hostile", "Hostile readers", "open");
        post(content, "moderated", "Moderated comments", "open");
        post(content, "closed", "Comments closed here", "closed");
        post(content, "hidden", "Comments hidden here", "hidden");
        Files.writeString(content.resolve("posts").resolve("2025-06-01-scheduled.md"), """
                ---
                title: Scheduled for later
                date: %s
                tags: [scheduled-test]
                ---
                A post that goes live an hour after the tests' clock.
                """.formatted(SCHEDULED_AT));
    }

    private static void post(Path content, String slug, String title, String comments) throws IOException {
        Path file = content.resolve("posts").resolve("2024-05-01-" + slug + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                ---
                title: %s
                date: 2024-05-01T10:00:00+02:00
                tags: [comments-test]
                comments: %s
                ---
                A post for the comment tests.
                """.formatted(title, comments));
    }

    // ---- Readers ----

    /** A client address no other request in this run used, so the flood limit never links two tests. */
    protected static String aNewClient() {
        int n = SEQUENCE.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A unique e-mail address, so the duplicate check never links two tests. */
    protected static String aNewEmail() {
        return "reader-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    protected static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A form token as if the form had been shown a minute ago (longer than the least fill time). */
    protected String agedFormToken() {
        synchronized (clock) {
            Instant now = clock.instant();
            clock.set(now.minus(Duration.ofMinutes(1)));
            try {
                return comments.formToken();
            } finally {
                clock.set(now);
            }
        }
    }

    /** The fields of a valid comment by a new reader. */
    protected Map<String, String> aComment(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Reader Name");
        fields.put("email", aNewEmail());
        fields.put("website", "");
        fields.put("body", body);
        fields.put("formToken", agedFormToken());
        return fields;
    }

    /** Posts the comment form as a browser would: form fields, the CSRF token, from a new client. */
    protected MvcTestResult submit(String slug, Map<String, String> fields, Cookie... cookies) {
        return submitFrom(aNewClient(), slug, fields, cookies);
    }

    protected MvcTestResult submitFrom(String client, String slug, Map<String, String> fields, Cookie... cookies) {
        var request =
                mvc.post().uri("/posts/{slug}/comments", slug).with(csrf()).with(from(client));
        fields.forEach(request::param);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return request.exchange();
    }

    /** The id of the comment a 303 after posting points at. */
    protected static long commentId(MvcTestResult posted) {
        assertThat(posted.getResponse().getStatus()).as("status after posting").isEqualTo(303);
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).isNotNull();
        Matcher m = COMMENT_ID.matcher(location);
        assertThat(m.find()).as("location %s", location).isTrue();
        return Long.parseLong(m.group(1));
    }

    protected Document page(String slug, Cookie... cookies) {
        var request = mvc.get().uri("/posts/{slug}", slug);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatusOk();
        return html(result);
    }

    // ---- The author ----

    /**
     * Logs in at /admin/login as the author, from a new client; the session cookie to send with
     * admin requests (sessions are Spring Session's, kept in the database).
     */
    protected Cookie login() {
        MvcTestResult result = mvc.post()
                .uri("/admin/login")
                .with(csrf())
                .with(from(aNewClient()))
                .param("username", "author")
                .param("password", ADMIN_PASSWORD)
                .exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/admin/comments");
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).as("the session cookie after login").isNotNull();
        return session;
    }
}
