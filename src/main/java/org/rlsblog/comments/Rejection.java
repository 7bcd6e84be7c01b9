package org.rlsblog.comments;

import java.util.Locale;

/** Why a submission was not stored. Each has a message key {@code comments.rejected.<name>}. */
public enum Rejection {
    /** The hidden field that only robots fill in was filled in. */
    HONEYPOT,
    /** Sent faster after the form was shown than a person can type. */
    TOO_FAST,
    /** The form token is missing, forged or too old: the reader should send the form again. */
    FORM_EXPIRED,
    /** The same client sent another comment less than the flood interval ago. */
    FLOOD,
    /** The same text from the same e-mail address on the same post exists already. */
    DUPLICATE,
    /** The comment replied to does not exist on this post or is not published. */
    BAD_PARENT,
    /** Replies are not nested deeper than {@code blog.comments.max-depth}. */
    TOO_DEEP;

    public String messageKey() {
        return "comments.rejected." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
