package org.rlsblog.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The comment form as a reader filled it in. Strings arrive trimmed (see {@link CommentController}).
 * {@code homepage} is the honeypot: hidden from people, filled in by robots. {@code formToken} is
 * the signed time the form was shown.
 */
record CommentForm(
        @Nullable Long parentId,

        @NotBlank(message = "{validation.name.required}")
        @Size(max = 100, message = "{validation.name.size}")
        @PlainText
        String name,

        @NotBlank(message = "{validation.email.required}")
        @Size(max = 254, message = "{validation.email.size}")
        @Email(message = "{validation.email.invalid}")
        @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{validation.email.invalid}")
        @PlainText
        String email,

        @Size(max = 200, message = "{validation.website.size}")
        @Pattern(regexp = "^(https?://[^\\s/$.?#][^\\s]*)?$", message = "{validation.website.invalid}")
        @PlainText
        String website,

        @NotBlank(message = "{validation.body.required}")
        @Size(min = 2, max = 10000, message = "{validation.body.size}")
        @PlainText(multiline = true)
        String body,

        @Nullable Boolean remember,
        @Nullable Boolean notifyReplies,
        @Nullable String homepage,
        @Nullable String formToken) {

    static CommentForm empty(
            @Nullable Long parentId, String name, String email, String website, boolean remember, String formToken) {
        return new CommentForm(parentId, name, email, website, "", remember, false, null, formToken);
    }

    /** Whether the reader consented to keeping their details in a cookie (unticked when absent). */
    boolean rememberMe() {
        return Boolean.TRUE.equals(remember);
    }

    /** Whether the reader asked to hear of replies by e-mail. */
    boolean notifyMe() {
        return Boolean.TRUE.equals(notifyReplies);
    }

    CommentForm withFormToken(String token) {
        return new CommentForm(parentId, name, email, website, body, remember, notifyReplies, homepage, token);
    }
}
