package org.rlsblog.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The author's login to {@code /admin}. There is no default password: without
 * {@code blog.admin.password} (env {@code BLOG_ADMIN_PASSWORD}) the admin area is switched off.
 *
 * @param username the login name
 * @param password the password; kept in memory only as a bcrypt hash
 * @param loginAttempts login attempts allowed per client address within {@code loginWindow}
 * @param loginWindow the period over which login attempts are counted
 */
@Validated
@ConfigurationProperties("blog.admin")
record AdminProperties(
        @DefaultValue("admin") @NotBlank String username,
        @Nullable String password,
        @DefaultValue("5") @Min(1) int loginAttempts,
        @DefaultValue("15m") @NotNull Duration loginWindow) {

    boolean enabled() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (enabled() ? "(set)" : "(not set)") + "]";
    }
}
