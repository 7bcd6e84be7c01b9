package org.rlsblog.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** A plain-text mail in UTF-8, as the author's and the readers' mails of this package are. */
final class PlainMail {

    private PlainMail() {}

    /** The mail, its subject on one line: it may hold a reader's name, which must not start a header. */
    static MimeMessage of(JavaMailSender sender, String from, String to, String subject, String text)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subject.replaceAll("[\\r\\n\\t]+", " "));
        helper.setText(text, false);
        return message;
    }
}
