package org.rlsblog.comments;

import java.time.Instant;

/**
 * How often a post's comments have changed, and when last: the same on every replica, because the
 * database holds it. Caches of a post's page key on it.
 */
public record CommentVersion(long version, Instant changedAt) {

    public static final CommentVersion NONE = new CommentVersion(0, Instant.EPOCH);
}
