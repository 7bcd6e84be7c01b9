package org.rlsblog;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a test's GreenMail server received, by recipient and subject. */
public final class Mailboxes {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

    private Mailboxes() {}

    /**
     * The mail to {@code address} whose subject holds {@code subjectPart}, once it arrives. Found by
     * its subject, not as the latest: mail is sent off the request thread, so a mail from the test
     * before can arrive after the mailbox was emptied.
     */
    public static MimeMessage awaitMailTo(GreenMail smtp, String address, String subjectPart) {
        return await().atMost(MAIL_WAIT)
                .until(
                        () -> mailsTo(smtp, address).stream()
                                .filter(m -> subject(m).contains(subjectPart))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    public static List<MimeMessage> mailsTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The To recipients of the mails titled {@code subject}, an entry per mail and recipient. */
    public static List<String> recipientsOf(GreenMail smtp, String subject) {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (subject.equals(message.getSubject())) {
                    Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .forEach(a -> recipients.add(a.toString()));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return recipients;
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }
}
