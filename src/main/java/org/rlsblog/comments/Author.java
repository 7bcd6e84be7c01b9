package org.rlsblog.comments;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who wrote a comment: the name readers see, the e-mail address for the blog author's eyes only
 * (views for readers must never show it) and an optional web address.
 */
public record Author(String name, String email, @Nullable String url) {

    /** An author without a web address, as the blog's own replies are. */
    public static Author of(String name, String email) {
        return new Author(name, email, null);
    }

    /**
     * The web address if a page may link to it: http or https only. An address stored before
     * imports were checked ({@code javascript:}, {@code data:}) is never a link.
     */
    public @Nullable String linkableUrl() {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
    }

    /** The same author with the address in lower case, as the store keeps and compares it. */
    Author withStoredEmail() {
        return new Author(name, email.toLowerCase(Locale.ROOT), url);
    }

    /**
     * The author of imported text, checked as a reader's is: only an http or https address is kept,
     * and characters that XML cannot carry (feeds, mails) are dropped.
     */
    Author imported() {
        return new Author(XmlText.legal(name), XmlText.legal(email), linkableUrl());
    }
}
