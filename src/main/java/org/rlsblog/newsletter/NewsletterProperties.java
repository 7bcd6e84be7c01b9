package org.rlsblog.newsletter;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * New articles by e-mail.
 *
 * @param enabled on whenever the site can send mail ({@code spring.mail.host} is set); {@code false} turns it off
 * @param fullContent whether the mail holds the whole article rather than its summary
 * @param lease how long a claimed delivery is reserved for the instance that claimed it; a claim
 *     never marked as sent is tried again only after this
 * @param rate mails per second, at most, that one instance sends
 */
@Validated
@ConfigurationProperties("blog.newsletter")
record NewsletterProperties(
        @Nullable Boolean enabled,
        @DefaultValue("false") boolean fullContent,
        @DefaultValue("2m") @NotNull Duration lease,

        @DefaultValue("5") @DecimalMin("0.01") @DecimalMax("10000")
        double rate) {

    NewsletterProperties {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("blog.newsletter.lease must be longer than 0, not " + lease);
        }
    }
}
