package org.rlsblog.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rlsblog.Mailboxes.awaitMailTo;
import static org.rlsblog.Mailboxes.mailsTo;
import static org.rlsblog.Mailboxes.subject;
import static org.rlsblog.TestPages.html;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.Comment;
import org.rlsblog.comments.CommentApproved;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.Submission;
import org.rlsblog.comments.SubmitResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Mail through a real in-process SMTP server (GreenMail): the author's new-comment mail and its
 * one-click links, and the reader's double opt-in reply notifications.
 */
@SpringBootTest(
        properties = {
            "blog.watch=false",
            "blog.comments.min-fill-time=0",
            "blog.comments.flood-interval=0",
            "blog.notifications.author-email=author@example.org",
            "blog.base-url=https://blog.example"
        })
@AutoConfigureMockMvc
class CommentMailerTests {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("https://blog\\.example(/\\S+)");

    @TempDir
    static Path dataDir;

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws Exception {
        Path content = Files.createTempDirectory("mail-content");
        Files.createDirectories(content.resolve("posts"));
        Files.writeString(content.resolve("posts/liver.md"), """
                ---
                title: Liver and legs
                date: 2024-01-01
                ---

                Text of the article.
                """);
        registry.add("blog.content-dir", content::toString);
        registry.add("blog.data-dir", () -> dataDir.toString());
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    CommentService comments;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CommentMailer mailer;

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void mailsTheAuthorANewCommentWithLinksThatApproveItByPost() throws Exception {
        Comment comment = submit("Anna", "anna@example.nl", "Interesting, thank you.", null, false);

        MimeMessage mail = awaitMailTo(SMTP, "author@example.org", "Anna");
        String text = GreenMailUtil.getBody(mail);
        assertThat(mail.getSubject()).contains("Liver and legs").contains("Anna");
        assertThat(text).contains("Interesting, thank you.").contains("anna@example.nl");
        String approve = linkAfter(text, "Approve: ");

        MvcTestResult opened = mvc.get().uri(approve).exchange();
        assertThat(opened).hasStatusOk();
        assertThat(html(opened).select("main").text()).contains("Anna", "Interesting, thank you.");
        assertThat(html(opened).select("main form[method=post]").attr("action")).isEqualTo(approve);
        assertThat(comments.find(comment.id()).orElseThrow().status())
                .as("opening the link changes nothing")
                .isEqualTo(CommentStatus.PENDING);
        MvcTestResult approved = mvc.post().uri(approve).with(csrf()).exchange();
        assertThat(approved).hasStatusOk();
        assertThat(html(approved).select("main form"))
                .as("done: nothing left to press")
                .isEmpty();
        assertThat(comments.find(comment.id()).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void refusesAForgedModerationLink() {
        Comment comment = submit("Bert", "bert@example.nl", "Another thought.", null, false);
        String genuine = comments.moderationToken(comment.id(), CommentStatus.APPROVED);
        // change the last character of the signature (to another one: a token ending in 0 stayed genuine)
        String forged = genuine.substring(0, genuine.length() - 1) + (genuine.endsWith("0") ? "1" : "0");

        assertThat(mvc.get().uri("/moderate/" + forged)).hasStatus(404);
    }

    @Test
    void asksTheReaderToConfirmOnlyOnceTheirCommentIsApprovedThenMailsReplies() throws Exception {
        Comment question = submit("Carla", "carla@example.nl", "Does iron help?", null, true);
        awaitMailTo(SMTP, "author@example.org", "Carla");
        assertThat(mailsTo(SMTP, "carla@example.nl"))
                .as("nothing while the comment is pending")
                .isEmpty();

        comments.moderate(question.id(), CommentStatus.APPROVED);
        MimeMessage confirmation = awaitMailTo(SMTP, "carla@example.nl", "Please confirm");
        String confirm = linkAfter(GreenMailUtil.getBody(confirmation), "open this link:\n");

        Comment early = submit("Dirk", "dirk@example.nl", "It helped me.", question.id(), false);
        comments.moderate(early.id(), CommentStatus.APPROVED);
        Instant earlyApprovedBy = Instant.now();
        assertThat(mvc.post().uri(confirm).with(csrf())).hasStatusOk();
        // Mail is sent off the request thread, so the approval of Dirk's reply may be handled only
        // now, after Carla confirmed: handled that late (here, directly), it still sends nothing.
        CommentMailer unproxied = AopTestUtils.getTargetObject(mailer);
        unproxied.onApproved(new CommentApproved(early.id(), "liver", earlyApprovedBy));
        assertThat(mailsTo(SMTP, "carla@example.nl"))
                .as("no mail about a reply approved before the reader confirmed")
                .hasSize(1);

        Comment reply = submit("Eva", "eva@example.nl", "Ask your doctor first.", question.id(), false);
        assertThat(mailsTo(SMTP, "carla@example.nl"))
                .as("no mail about a pending reply")
                .hasSize(1);
        comments.moderate(reply.id(), CommentStatus.APPROVED);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(SMTP, "carla@example.nl").size() == 2);
        List<MimeMessage> carla = mailsTo(SMTP, "carla@example.nl");
        String notice = GreenMailUtil.getBody(carla.get(1));
        assertThat(notice).contains("Ask your doctor first.").doesNotContain("It helped me.");
        assertThat(carla.get(1).getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        String unsubscribe = linkAfter(notice, "Stop these mails: ");
        assertThat(carla.get(1).getHeader("List-Unsubscribe"))
                .containsExactly("<https://blog.example" + unsubscribe + ">");
        // One-click unsubscribe (RFC 8058), as a mail provider sends it: a POST of this one field,
        // with no CSRF token and no cookie; the signed token in the link is the permission.
        assertThat(mvc.post()
                        .uri(unsubscribe)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .hasStatusOk();
        Comment later = submit("Frank", "frank@example.nl", "Me too.", question.id(), false);
        comments.moderate(later.id(), CommentStatus.APPROVED);
        Comment marker = submit("Gert", "gert@example.nl", "Marker comment.", null, false);
        comments.moderate(marker.id(), CommentStatus.APPROVED);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(SMTP, "author@example.org").stream()
                        .anyMatch(m -> subject(m).contains("Gert")));
        assertThat(mailsTo(SMTP, "carla@example.nl"))
                .as("nothing after unsubscribing")
                .hasSize(2);
    }

    @Test
    void offersReplyMailsOnTheFormAndAsksThoseWhoTickTheBoxToConfirm() throws Exception {
        var page = mvc.get().uri("/posts/liver").exchange();
        Document article = Jsoup.parse(page.getResponse().getContentAsString());
        assertThat(article.select("#respond input[type=checkbox][name=notifyReplies]"))
                .hasSize(1);
        assertThat(article.select("#respond label[for=notifyReplies]").text())
                .startsWith("Notify me by e-mail when someone replies");

        var posted = mvc.post()
                .uri("/posts/liver/comments")
                .with(csrf())
                .param("name", "Hanna")
                .param("email", "hanna@example.nl")
                .param("body", "I ticked the box.")
                .param("notifyReplies", "true")
                .param("formToken", comments.formToken())
                .exchange();
        assertThat(posted).hasStatus3xxRedirection();
        Matcher id =
                Pattern.compile("#comment-(\\d+)$").matcher(posted.getResponse().getRedirectedUrl());
        assertThat(id.find()).isTrue();

        comments.moderate(Long.parseLong(id.group(1)), CommentStatus.APPROVED);

        assertThat(GreenMailUtil.getBody(awaitMailTo(SMTP, "hanna@example.nl", "Please confirm")))
                .contains("/subscriptions/confirm/");
    }

    private Comment submit(String name, String email, String body, Long parentId, boolean notify) {
        SubmitResult result = comments.submit(Submission.builder()
                .postSlug("liver")
                .parentId(parentId)
                .author(Author.of(name, email))
                .body(body)
                .notifyReplies(notify)
                .clientAddress("203.0.113.9")
                .formToken(comments.formToken())
                .build());
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        return ((SubmitResult.Accepted) result).comment();
    }

    private static String linkAfter(String text, String label) {
        String normalized = text.replace("\r\n", "\n");
        int at = normalized.indexOf(label);
        assertThat(at).as("'%s' in %s", label, normalized).isNotNegative();
        Matcher link = LINK.matcher(normalized.substring(at + label.length()));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
