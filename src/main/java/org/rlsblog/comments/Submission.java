package org.rlsblog.comments;

import org.jspecify.annotations.Nullable;

/**
 * What a reader sent, already validated for shape (lengths, e-mail, URL), with what is known of
 * the client: the address (hashed before it is stored), the signed form token from when the form
 * was shown, and whether the hidden honeypot field was filled in.
 */
public record Submission(
        String postSlug,
        @Nullable Long parentId,
        String authorName,
        String authorEmail,
        @Nullable String authorUrl,
        String body,
        boolean notifyReplies,
        String clientAddress,
        @Nullable String formToken,
        boolean honeypotFilled) {}
