package org.rlsblog.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Whether the site can send mail, and so whether readers are offered reply notifications. */
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

    boolean mailConfigured() {
        return mailConfigured;
    }
}
