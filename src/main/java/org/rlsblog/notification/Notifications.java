package org.rlsblog.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Whether the site can send mail, and so whether readers are offered reply notifications. */
@Component
public class Notifications {

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
