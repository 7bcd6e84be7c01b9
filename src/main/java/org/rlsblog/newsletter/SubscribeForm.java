package org.rlsblog.newsletter;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The subscription form: the address, the honeypot (only robots fill in {@code website}), and the
 * form's signed time when the form came from the subscription page.
 */
record SubscribeForm(
        @Nullable String email,
        @Nullable String website,
        @Nullable String formToken) {

    /** The longest address SMTP allows. */
    static final int MAX_EMAIL_LENGTH = 254;

    /** As the comment form checks it: something, an @, a domain with a dot; no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    boolean honeypotFilled() {
        return website != null && !website.isEmpty();
    }

    /** The message key saying what is wrong with the address, or null if nothing is. */
    @Nullable
    String emailProblem() {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) {
            return "validation.email.required";
        }
        if (address.length() > MAX_EMAIL_LENGTH) {
            return "validation.email.size";
        }
        return EMAIL.matcher(address).matches() ? null : "validation.email.invalid";
    }
}
