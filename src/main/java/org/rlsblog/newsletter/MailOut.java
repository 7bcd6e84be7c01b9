package org.rlsblog.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rlsblog.notification.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one mail over SMTP, so that the caller knows for each mail whether the server took it;
 * newsletter mails share one kept connection. Nothing a reader typed goes into a header but their
 * own address.
 */
@Component
class MailOut {

    /** One mail: {@code html} and {@code unsubscribeUrl} may be absent (the confirmation mail has neither). */
    record Letter(
            String to,
            String subject,
            String text,
            @Nullable String html,
            @Nullable String unsubscribeUrl,
            @Nullable String messageId) {}

    private final ObjectProvider<JavaMailSender> mailSender;
    private final Notifications notifications;
    private @Nullable Transport kept;

    MailOut(ObjectProvider<JavaMailSender> mailSender, Notifications notifications) {
        this.mailSender = mailSender;
        this.notifications = notifications;
    }

    /** Sends the mail; a {@link MailException} says the server did not take it. */
    void send(Letter letter) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new MailPreparationException("no mail server is set (spring.mail.host)");
        }
        try {
            MimeMessage message = letter.messageId() != null && sender instanceof JavaMailSenderImpl impl
                    ? new FixedIdMessage(impl.getSession(), letter.messageId())
                    : sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, letter.html() != null, "UTF-8");
            helper.setFrom(notifications.from());
            helper.setTo(letter.to());
            helper.setSubject(letter.subject().replaceAll("[\\r\\n\\t]+", " "));
            if (letter.html() != null) {
                helper.setText(letter.text(), letter.html());
            } else {
                helper.setText(letter.text(), false);
            }
            if (letter.unsubscribeUrl() != null) {
                // RFC 8058: one click in the mail program unsubscribes, by a POST to this address
                message.setHeader("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            if (sender instanceof JavaMailSenderImpl impl && letter.messageId() != null) {
                sendOnKeptConnection(impl, message);
            } else {
                sender.send(message);
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
    }

    /**
     * Sends a newsletter mail over the connection kept from the mail before, opening one if there
     * is none: a connection (and EHLO) per mail limited the rate far more than the mails did. Still
     * one mail per call, so each is claimed and marked on its own. Only the sender thread calls it.
     */
    private synchronized void sendOnKeptConnection(JavaMailSenderImpl impl, MimeMessage message) {
        try {
            message.saveChanges();
            if (kept == null || !kept.isConnected()) {
                closeConnection();
                kept = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
                kept.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
            }
            kept.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            closeConnection();
            throw new MailSendException(Map.of(message, e));
        }
    }

    /** Closes the kept connection, when there is nothing more to send for now. */
    synchronized void closeConnection() {
        if (kept != null) {
            try {
                kept.close();
            } catch (MessagingException alreadyGone) {
                // nothing to close
            }
            kept = null;
        }
    }

    /**
     * A message whose Message-ID stays the same when it is sent again: if a crash makes the site
     * send a mail twice, mail programs that drop duplicates by Message-ID show it once.
     */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
