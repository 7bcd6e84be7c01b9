package org.rlsblog.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.TestClock;
import org.rlsblog.content.PostCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The newsletter through a real SMTP server (GreenMail) and the application's own clock: subscribe,
 * confirm, publish, and the mail arrives once; one-click unsubscribe; a scheduled post mailed at its
 * time; old posts never mailed.
 */
@SpringBootTest(
        properties = {
            "blog.watch=false",
            "blog.comments.min-fill-time=0",
            "blog.base-url=https://blog.example",
            "blog.newsletter.rate=100",
            "blog.newsletter.full-content=true",
            "blog.notifications.author-email=author@example.org",
            "blog.admin.password=newsletter-admin-password"
        })
@AutoConfigureMockMvc
@Import(TestClock.InContext.class)
class NewsletterTests {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("https://blog\\.example(/newsletter/confirm/\\S+)");

    @TempDir
    static Path dataDir;

    static Path content;

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws Exception {
        content = Files.createTempDirectory("newsletter-content");
        Files.createDirectories(content.resolve("posts"));
        write("old", "An old article", "2024-01-01");
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
    MockMvcTester mvc;

    @Autowired
    PostCatalog catalog;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void subscribeConfirmPublishAndTheMailArrivesOnceThenOneClickUnsubscribes() throws Exception {
        String reader = "reader@example.nl";
        assertThat(subscribe(reader, "198.51.100.1")).hasStatusOk().bodyText().contains("Check your mailbox");
        MimeMessage confirmation = awaitMails(reader, 1).get(0);
        Matcher link = LINK.matcher(GreenMailUtil.getBody(confirmation));
        assertThat(link.find()).isTrue();

        publish("fresh", "A fresh article", clock.instant().toString());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo(reader).size() == 1);

        assertThat(mvc.get().uri(link.group(1))).hasStatusOk();
        assertThat(mvc.post().uri(link.group(1)).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Confirmed");
        publish("newer", "A newer article", clock.instant().toString());

        MimeMessage mail = awaitMails(reader, 2).get(1);
        assertThat(mail.getSubject()).isEqualTo("A newer article");
        MimeMultipart alternatives = alternatives(mail);
        String text = (String) alternatives.getBodyPart(0).getContent();
        String html = (String) alternatives.getBodyPart(1).getContent();
        assertThat(text).contains("Body of A newer article").contains("https://blog.example/posts/newer");
        assertThat(Jsoup.parse(html).select("img").eachAttr("src"))
                .containsExactly("https://blog.example/images/newer.png");
        assertThat(Jsoup.parse(html).select("a").eachAttr("href")).allMatch(href -> href.startsWith("https://"));
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo(reader).size() == 2);

        // RFC 8058: the mail program POSTs this one field, with no CSRF token and no cookie
        String path = unsubscribe.substring("<https://blog.example".length(), unsubscribe.length() - 1);
        assertThat(mvc.post()
                        .uri(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .hasStatusOk();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriber WHERE email = :e")
                        .param("e", reader)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_stopped")
                        .query(Long.class)
                        .single())
                .isPositive();
        publish("after", "After unsubscribing", clock.instant().toString());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo(reader).size() == 2);
    }

    @Test
    void mailsAScheduledPostAtItsTimeAndNeverAnOldOne() throws Exception {
        String reader = "scheduled@example.nl";
        confirmed(reader, "198.51.100.2");
        Instant at = clock.instant().plus(Duration.ofHours(3));
        publish("scheduled", "A scheduled article", at.toString());
        publish("backdated", "A backdated article", "2020-05-05");
        Files.writeString(content.resolve("posts/quiet.md"), """
                ---
                title: A quiet article
                date: %s
                newsletter: false
                ---

                Not for the mail.
                """.formatted(clock.instant()));
        catalog.reload();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo(reader).size() == 1);

        clock.set(at);

        MimeMessage mail = awaitMails(reader, 2).get(1);
        assertThat(mail.getSubject()).isEqualTo("A scheduled article");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo(reader).size() == 2);
    }

    @Test
    void answersTheSameForAKnownAddressAndSendsOneConfirmationADay() throws Exception {
        String reader = "twice@example.nl";
        MvcTestResult first = subscribe(reader, "198.51.100.3");
        MvcTestResult second = subscribe(reader, "198.51.100.4");

        assertThat(first).hasStatusOk();
        assertThat(second).hasStatusOk();
        assertThat(Jsoup.parse(first.getResponse().getContentAsString())
                        .select("main")
                        .text())
                .isEqualTo(Jsoup.parse(second.getResponse().getContentAsString())
                        .select("main")
                        .text());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> mailsTo(reader).size() == 1);
    }

    @Test
    void refusesABadAddressWithA400AndGivesItBack() throws Exception {
        MvcTestResult refused = subscribe("not an address", "198.51.100.5");

        assertThat(refused).hasStatus(400);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString())
                        .select("input[name=email]")
                        .val())
                .isEqualTo("not an address");
    }

    @Test
    void limitsRequestsPerClientWith429() {
        for (int i = 0; i < ClientLimits.REQUESTS; i++) {
            assertThat(subscribe("limit" + i + "@example.nl", "2001:db8:1:2::" + (i + 1)))
                    .hasStatusOk();
        }
        MvcTestResult refused = subscribe("limit-last@example.nl", "2001:db8:1:2:ffff::9");

        assertThat(refused).hasStatus(429);
        assertThat(refused).bodyText().contains("limit-last@example.nl");
    }

    @Test
    void theAuthorSeesExportsAndRemovesSubscribersAndGetsATestMail() throws Exception {
        confirmed("=1+1@example.nl", "198.51.100.6");
        long id = jdbc.sql("SELECT id FROM newsletter_subscriber WHERE email = '=1+1@example.nl'")
                .query(Long.class)
                .single();

        MvcTestResult page = mvc.get().uri("/admin/subscribers").with(admin()).exchange();
        assertThat(page).hasStatusOk();
        assertThat(Jsoup.parse(page.getResponse().getContentAsString())
                        .select("#subscriber-" + id)
                        .text())
                .contains("=1+1@example.nl");

        MvcTestResult csv =
                mvc.get().uri("/admin/subscribers.csv").with(admin()).exchange();
        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        assertThat(csv.getResponse().getContentAsString())
                .startsWith("email,language,subscribed,confirmed\r\n")
                .contains("\r\n'=1+1@example.nl,en,");

        assertThat(mvc.post()
                        .uri("/admin/subscribers/test")
                        .with(admin())
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("slug", "old"))
                .hasStatus3xxRedirection();
        assertThat(awaitMails("author@example.org", 1).get(0).getSubject()).isEqualTo("[Test] An old article");

        assertThat(mvc.post()
                        .uri("/admin/subscribers/" + id + "/delete")
                        .with(admin())
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriber WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void keepsTheAdminPageFromReaders() {
        assertThat(mvc.get().uri("/admin/subscribers.csv")).hasStatus3xxRedirection();
    }

    private static RequestPostProcessor admin() {
        return SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN");
    }

    private void confirmed(String reader, String client) throws Exception {
        assertThat(subscribe(reader, client)).hasStatusOk();
        Matcher link = LINK.matcher(GreenMailUtil.getBody(awaitMails(reader, 1).get(0)));
        assertThat(link.find()).isTrue();
        assertThat(mvc.post().uri(link.group(1)).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .hasStatusOk();
    }

    private MvcTestResult subscribe(String email, String client) {
        return mvc.post()
                .uri("/subscribe")
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                })
                .param("email", email)
                .param("website", "")
                .exchange();
    }

    private void publish(String slug, String title, String date) throws Exception {
        write(slug, title, date);
        catalog.reload();
    }

    private static void write(String slug, String title, String date) throws Exception {
        Files.writeString(content.resolve("posts/" + slug + ".md"), """
                ---
                title: %s
                date: %s
                ---

                Body of %s, with a picture: ![A picture](/images/%s.png) and [a link](/posts/old).
                """.formatted(title, date, title, slug));
    }

    private static MimeMultipart alternatives(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        MimeMultipart mixed = (MimeMultipart) content;
        Object inner = mixed.getBodyPart(0).getContent();
        return inner instanceof MimeMultipart related
                        && related.getContentType().startsWith("multipart/related")
                ? (MimeMultipart) related.getBodyPart(0).getContent()
                : (MimeMultipart) inner;
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
