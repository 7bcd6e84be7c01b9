package org.rlsblog.notification;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Whether the site can send mail (and so offer reply notifications), the author's address and the sender. */
@Component
public class Notifications {

    /**
     * The cookie the browser that confirmed a reply subscription gets: the signed, confirmed address,
     * which proves a returning commenter under {@code blog.comments.moderation=returning}.
     */
    public static final String ADDRESS_COOKIE = "comment_address";

    private final boolean mailConfigured;
    private final NotificationProperties properties;

    Notifications(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailConfigured = mailSender.getIfAvailable() != null;
        this.properties = properties;
    }

    public boolean offerReplyNotifications() {
        return mailConfigured && properties.replyNotifications();
    }

    /** Whether a mail server is set ({@code spring.mail.host}), so that the site can send mail at all. */
    public boolean mailConfigured() {
        return mailConfigured;
    }

    /** Where mail for the author goes ({@code blog.notifications.author-email}), if set. */
    public Optional<String> authorEmail() {
        String email = properties.authorEmail();
        return email == null || email.isBlank() ? Optional.empty() : Optional.of(email.strip());
    }

    /** The sender address of every mail the site sends. */
    public String from() {
        return properties.from();
    }
}
