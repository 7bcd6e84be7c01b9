package org.rlsblog.notification;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who gets mail and who sends it. Mail is only sent when {@code spring.mail.host} is set.
 *
 * @param authorEmail where new-comment mails go; none are sent when empty
 * @param from the sender address of every mail
 * @param replyNotifications whether readers are offered "notify me of replies" (needs mail)
 */
@Validated
@ConfigurationProperties("blog.notifications")
record NotificationProperties(
        @Nullable String authorEmail,
        @DefaultValue("rls-blog@localhost") String from,
        @DefaultValue("true") boolean replyNotifications) {}
