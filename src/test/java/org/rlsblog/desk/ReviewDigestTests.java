package org.rlsblog.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReviewDigestTests extends DeskSiteTestSupport {

    /** The Monday after the tests' clock (a Sunday), the start of an ISO week. */
    private static final Instant MONDAY = Instant.parse("2025-06-02T08:00:00Z");

    @Autowired
    ReviewDigest digest;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        jdbc.sql("DELETE FROM review_digest").update();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.NOW);
    }

    @Test
    void mailsTheAuthorOnceAWeekWhatIsDue() throws Exception {
        clock.set(MONDAY);
        assertThat(digest.sendIfDue()).isTrue();
        assertThat(digest.sendIfDue()).isFalse();
        clock.advance(Duration.ofDays(2));
        assertThat(digest.sendIfDue()).as("later the same week").isFalse();

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0]).hasToString("author@rls.example");
        String body = GreenMailUtil.getBody(mails[0]);
        assertThat(body)
                .contains("Due for review:", "Iron and restless legs (due 2025-03-01)")
                .contains("https://rls.example/posts/iron-and-rls")
                .contains("https://rls.example/admin/posts")
                .doesNotContain("Keeping a sleep diary");

        clock.advance(Duration.ofDays(7));
        assertThat(digest.sendIfDue()).as("the next week").isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void namesWeeksTheIsoWay() {
        assertThat(ReviewDigest.week(LocalDate.of(2025, 6, 1))).isEqualTo("2025-W22");
        assertThat(ReviewDigest.week(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
    }
}
