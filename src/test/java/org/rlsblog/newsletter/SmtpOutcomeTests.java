package org.rlsblog.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SmtpOutcomeTests {

    private static final InternetAddress READER = address("reader@example.nl");

    @Test
    void aPermanentRefusalOfTheAddressStopsMailsToIt() {
        assertThat(SmtpOutcome.of(refused(new SMTPAddressFailedException(READER, "RCPT TO", 550, "no such user"))))
                .isEqualTo(SmtpOutcome.ADDRESS_REFUSED);
    }

    @Test
    void aTemporaryRefusalIsTriedAgain() {
        assertThat(SmtpOutcome.of(refused(new SMTPAddressFailedException(READER, "RCPT TO", 451, "greylisted"))))
                .isEqualTo(SmtpOutcome.TRY_LATER);
    }

    @Test
    void aPermanentRefusalOfTheMessageGivesUpOnThatMailOnly() {
        SMTPSendFailedException refused =
                new SMTPSendFailedException("DATA", 554, "content rejected", null, null, null, null);
        assertThat(SmtpOutcome.of(new MailSendException(Map.of(new Object(), refused))))
                .isEqualTo(SmtpOutcome.MESSAGE_REFUSED);
    }

    @Test
    void noConnectionPausesSending() {
        MessagingException noServer = new MessagingException("Could not connect", new ConnectException("refused"));
        assertThat(SmtpOutcome.of(new MailSendException(Map.of(new Object(), noServer))))
                .isEqualTo(SmtpOutcome.SERVER_UNAVAILABLE);
    }

    @Test
    void waitsLongerAfterEachTemporaryRefusalUpToALimit() {
        assertThat(DeliveryAttempts.retryAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(DeliveryAttempts.retryAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliveryAttempts.retryAfter(30)).isEqualTo(DeliveryAttempts.LONGEST_RETRY);
    }

    private static MailSendException refused(SMTPAddressFailedException cause) {
        SendFailedException invalid = new SendFailedException("Invalid Addresses", cause);
        return new MailSendException(Map.of(new Object(), invalid));
    }

    private static InternetAddress address(String email) {
        try {
            return new InternetAddress(email);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
