package org.rlsblog.comments;

/** No comment with this id. */
public class CommentNotFoundException extends RuntimeException {

    public CommentNotFoundException(long id) {
        super("no comment " + id);
    }
}
