/**
 * What machines read: Atom and RSS feeds of posts (all, per tag) and of approved comments, written
 * by Rome; the sitemap and robots.txt. Links are absolute, from {@code blog.base-url}.
 */
@NullMarked
package org.rlsblog.feed;

import org.jspecify.annotations.NullMarked;
