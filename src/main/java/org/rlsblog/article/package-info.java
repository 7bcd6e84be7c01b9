/**
 * The article page and its comment form: showing a post with its approved thread, binding and
 * submitting a reader's comment, the cookies that remember a reader and their pending comments,
 * and a comment refused for its CSRF token coming back with the reader's text.
 */
@NullMarked
package org.rlsblog.article;

import org.jspecify.annotations.NullMarked;
