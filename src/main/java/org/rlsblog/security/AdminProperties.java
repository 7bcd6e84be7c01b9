package org.rlsblog.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.annotation.Validated;

/**
 * The author's login to {@code /admin}. There is no default password: without
 * {@code blog.admin.password} (env {@code BLOG_ADMIN_PASSWORD}) the admin area is switched off.
 *
 * <p>A class, not a record: binding hands the constructor the password, and only its bcrypt hash is
 * kept, so no bean holds the plain text after start (a record would keep it as a component).
 */
@Validated
@ConfigurationProperties("blog.admin")
final class AdminProperties {

    /** How the password is hashed here and checked at login: one encoder, so the two cannot drift. */
    static final PasswordEncoder PASSWORD_ENCODER = new BCryptPasswordEncoder();

    @NotBlank
    private final String username;

    private final @Nullable String passwordHash;

    @Min(1)
    private final int loginAttempts;

    @NotNull
    private final Duration loginWindow;

    /**
     * @param username the login name
     * @param password the password; hashed here and not kept
     * @param loginAttempts login attempts allowed per client (IPv4 address, IPv6 /64) within {@code
     *     loginWindow}; see {@link LoginThrottle} for the account and site limits
     * @param loginWindow the period over which login attempts are counted
     */
    AdminProperties(
            @DefaultValue("admin") String username,
            @Nullable String password,
            @DefaultValue("5") int loginAttempts,
            @DefaultValue("15m") Duration loginWindow) {
        this.username = username;
        this.passwordHash = password == null || password.isBlank() ? null : PASSWORD_ENCODER.encode(password);
        this.loginAttempts = loginAttempts;
        this.loginWindow = loginWindow;
    }

    String username() {
        return username;
    }

    /** The bcrypt hash of the password, or null when none is set (the admin area is then off). */
    @Nullable
    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return passwordHash != null;
    }

    int loginAttempts() {
        return loginAttempts;
    }

    Duration loginWindow() {
        return loginWindow;
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (enabled() ? "(set)" : "(not set)") + "]";
    }
}
