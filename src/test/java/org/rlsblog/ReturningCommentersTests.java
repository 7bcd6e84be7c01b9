package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rlsblog.Mailboxes.awaitMailTo;
import static org.rlsblog.Mailboxes.mailsTo;
import static org.rlsblog.Mailboxes.subject;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.Submission;
import org.rlsblog.comments.SubmitResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code blog.comments.moderation=returning} through the site: who is approved at once (a commenter
 * who proves it, not an address anyone can type), and the mails of reply subscriptions (one
 * confirmation a day, and no reply mail from a post readers cannot see). Real SMTP (GreenMail), a
 * clock the tests move; the fill time and flood limit are off, they are not what is tested here.
 */
@SpringBootTest(
        properties = {
            "blog.watch=false",
            "blog.comments.moderation=returning",
            "blog.comments.min-fill-time=0",
            "blog.comments.flood-interval=0",
            "blog.base-url=https://blog.example"
        })
@AutoConfigureMockMvc
@Import(TestClock.InContext.class)
class ReturningCommentersTests {

    private static final Pattern LINK = Pattern.compile("https://blog\\.example(/\\S+)");
    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)$");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
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
    static void site(DynamicPropertyRegistry registry) throws Exception {
        Path content = Files.createTempDirectory("returning-content");
        Files.createDirectories(content.resolve("posts"));
        post(content, "open", "date: 2024-01-01");
        post(content, "hidden", "date: 2024-01-01\ncomments: hidden");
        post(content, "draft", "date: 2024-01-01\ndraft: true");
        post(content, "scheduled", "date: 2025-07-01"); // a month after the tests' clock
        registry.add("blog.content-dir", content::toString);
        registry.add("blog.data-dir", () -> dataDir.toString());
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    private static void post(Path content, String slug, String frontMatter) throws Exception {
        Files.writeString(content.resolve("posts/" + slug + ".md"), """
                ---
                title: The %s post
                %s
                ---

                Text of the article.
                """.formatted(slug, frontMatter));
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CommentService comments;

    @Autowired
    TestClock clock;

    // ---- Approved at once ----

    @Test
    void anAddressWithAnApprovedCommentIsNotEnoughToBeApprovedAtOnce() {
        String email = aNewEmail();
        approve(commentId(post("open", email, "My first comment.", false)));

        MvcTestResult impostor = post("open", email, "Someone else, under my address.", false);

        assertThat(status(commentId(impostor))).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void theBrowserThatWroteAnApprovedCommentIsApprovedAtOnce() {
        String email = aNewEmail();
        MvcTestResult first = post("open", email, "My first comment.", false);
        approve(commentId(first));
        Cookie pending = first.getResponse().getCookie("pending_comments");
        assertThat(pending).as("the pending-comment cookie").isNotNull();

        MvcTestResult second = post("open", email, "Back again.", false, pending);

        assertThat(status(commentId(second))).isEqualTo(CommentStatus.APPROVED);
        assertThat(status(commentId(post("open", aNewEmail(), "Same browser, another address.", false, pending))))
                .as("the cookie proves only the address of the comment it names")
                .isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void theBrowserThatConfirmedTheAddressByItsMailIsApprovedAtOnce() {
        String email = aNewEmail();
        approve(commentId(post("open", email, "Notify me, please.", true)));
        MvcTestResult confirmed = confirm(awaitMailTo(smtp, email, "Please confirm"));
        Cookie address = confirmed.getResponse().getCookie("comment_address");
        assertThat(address).as("the confirmed-address cookie").isNotNull();
        assertThat(address.isHttpOnly()).isTrue();

        assertThat(status(commentId(post("open", email, "From the browser that confirmed.", false, address))))
                .isEqualTo(CommentStatus.APPROVED);
        assertThat(status(commentId(post("open", aNewEmail(), "Same browser, another address.", false, address))))
                .isEqualTo(CommentStatus.PENDING);
        assertThat(status(commentId(post("open", email, "Another browser, same address.", false))))
                .isEqualTo(CommentStatus.PENDING);
    }

    // ---- Reply subscriptions ----

    @Test
    void aStillUnconfirmedAddressIsAskedToConfirmAtMostOnceADay() {
        String email = aNewEmail();
        approve(commentId(post("open", email, "First, with notifications.", true)));
        awaitMailTo(smtp, email, "Please confirm");

        approve(commentId(post("open", email, "Second, the same day.", true)));
        clock.advance(Duration.ofHours(23));
        approve(commentId(post("open", email, "Third, 23 hours later.", true)));
        String marker = aNewEmail();
        approve(commentId(post("open", marker, "A marker.", true)));
        awaitMailTo(smtp, marker, "Please confirm");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(smtp, email).size() == 1);

        clock.advance(Duration.ofHours(1));
        approve(commentId(post("open", email, "Fourth, a day after the first.", true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(smtp, email).size() == 2);
    }

    @Test
    void noReplyMailGoesOutFromAPostReadersCannotSee() {
        String subscriber = aNewEmail();
        long onOpen = commentId(post("open", subscriber, "Tell me about replies.", true));
        approve(onOpen);
        confirm(awaitMailTo(smtp, subscriber, "Please confirm"));
        List<Long> parents = new ArrayList<>();
        for (String slug : List.of("hidden", "draft", "scheduled")) {
            SubmitResult result = comments.submit(Submission.builder()
                    .postSlug(slug)
                    .author(Author.of("Subscriber", subscriber))
                    .body("A comment on the " + slug + " post.")
                    .notifyReplies(true)
                    .clientAddress("203.0.113.7")
                    .build());
            assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
            long parent = ((SubmitResult.Accepted) result).comment().id();
            parents.add(parent);
            approve(parent);
        }

        for (long parent : parents) {
            comments.replyAsAuthor(parent, Author.of("The author", "author@blog.example"), "A private reply.");
        }
        comments.replyAsAuthor(onOpen, Author.of("The author", "author@blog.example"), "A public reply.");

        MimeMessage publicReply = awaitMailTo(smtp, subscriber, "replied");
        assertThat(GreenMailUtil.getBody(publicReply)).contains("A public reply.");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(smtp, subscriber).stream()
                                .filter(m -> subject(m).contains("replied"))
                                .count()
                        == 1);
        assertThat(mailsTo(smtp, subscriber))
                .noneMatch(m -> GreenMailUtil.getBody(m).contains("A private reply."));
    }

    // ---- Helpers ----

    private static String aNewEmail() {
        return "reader-" + SEQUENCE.incrementAndGet() + "@example.org";
    }

    private MvcTestResult post(String slug, String email, String body, boolean notify, Cookie... cookies) {
        var request = mvc.post()
                .uri("/posts/{slug}/comments", slug)
                .with(csrf())
                .param("name", "Reader")
                .param("email", email)
                .param("body", body)
                .param("formToken", comments.formToken());
        if (notify) {
            request.param("notifyReplies", "true");
        }
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return request.exchange();
    }

    private static long commentId(MvcTestResult posted) {
        assertThat(posted.getResponse().getStatus()).as("status after posting").isEqualTo(303);
        Matcher id = COMMENT_ID.matcher(String.valueOf(posted.getResponse().getRedirectedUrl()));
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private CommentStatus status(long id) {
        return comments.find(id).orElseThrow().status();
    }

    private void approve(long id) {
        comments.moderate(id, CommentStatus.APPROVED);
    }

    /** Opens the confirmation link of a mail and presses its button; the answer. */
    private MvcTestResult confirm(MimeMessage confirmation) {
        String text = GreenMailUtil.getBody(confirmation).replace("\r\n", "\n");
        Matcher link = LINK.matcher(text.substring(text.indexOf("open this link:")));
        assertThat(link.find()).isTrue();
        MvcTestResult confirmed = mvc.post().uri(link.group(1)).with(csrf()).exchange();
        assertThat(confirmed).hasStatusOk();
        return confirmed;
    }
}
