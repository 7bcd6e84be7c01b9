/**
 * The author's {@code /admin} screens: the login page, the moderation queue with its tabs and
 * actions, editing and replying as the author. Uses the public APIs of {@code comments} and
 * {@code content} (for post titles).
 */
@NullMarked
package org.rlsblog.moderation;

import org.jspecify.annotations.NullMarked;
