package org.rlsblog.newsletter;

import org.rlsblog.notification.Notifications;
import org.springframework.stereotype.Component;

/** Whether the newsletter is on: whenever the site can send mail, unless {@code blog.newsletter.enabled=false}. */
@Component
class NewsletterSwitch {

    private final boolean on;

    NewsletterSwitch(Notifications notifications, NewsletterProperties properties) {
        this.on = notifications.mailConfigured() && !Boolean.FALSE.equals(properties.enabled());
    }

    boolean on() {
        return on;
    }
}
