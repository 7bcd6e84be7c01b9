/**
 * Reader comments: the store (Flyway migrations, JdbcClient), the submit rules and spam checks,
 * moderation actions, and turning a reader's plain text into safe HTML. Knows nothing of posts
 * beyond their slug. Public face: {@link org.rlsblog.comments.CommentService}.
 */
@NullMarked
package org.rlsblog.comments;

import org.jspecify.annotations.NullMarked;
