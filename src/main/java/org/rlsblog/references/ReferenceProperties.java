package org.rlsblog.references;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reference checker.
 *
 * @param checkEvery how often each link is checked; {@code 0} turns the checker off
 * @param timeout how long one request may take (to connect, and to answer) before the link counts as broken
 */
@Validated
@ConfigurationProperties("blog.references")
record ReferenceProperties(
        @DefaultValue("7d") @NotNull Duration checkEvery,
        @DefaultValue("10s") @NotNull Duration timeout) {

    ReferenceProperties {
        if (checkEvery.isNegative()) {
            throw new IllegalArgumentException(
                    "blog.references.check-every must be 0 (off) or more, not " + checkEvery);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("blog.references.timeout must be more than 0, not " + timeout);
        }
    }

    boolean enabled() {
        return !checkEvery.isZero();
    }
}
