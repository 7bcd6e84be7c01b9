package org.rlsblog.notification;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** A plain-text mail to the author ({@code blog.notifications.author-email}), for other features' reports. */
@Component
public class AuthorMail {

    private static final Logger log = LoggerFactory.getLogger(AuthorMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    AuthorMail(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /** Whether a mail can reach the author: a mail server is set, and the author's address. */
    public boolean canSend() {
        String to = properties.authorEmail();
        return mailSender.getIfAvailable() != null && to != null && !to.isBlank();
    }

    /** Sends the mail; false (and a warning in the log) when it could not be sent. */
    public boolean send(String subject, String text) {
        JavaMailSender sender = mailSender.getIfAvailable();
        String to = properties.authorEmail();
        if (sender == null || to == null || to.isBlank()) {
            return false;
        }
        try {
            sender.send(PlainMail.of(sender, properties.from(), to, subject, text));
            return true;
        } catch (MessagingException | MailException e) {
            log.warn("Mail to the author not sent: {}", e.getMessage());
            return false;
        }
    }
}
