package org.rlsblog.content;

/** What a post's front matter {@code comments:} says about reader comments. */
public enum CommentMode {
    /** Comments shown and the form offered. */
    OPEN,
    /** Comments shown, no new ones accepted. */
    CLOSED,
    /** Neither comments nor form shown. */
    HIDDEN
}
