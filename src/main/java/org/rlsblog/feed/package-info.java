/**
 * What machines read: Atom and RSS feeds of posts (all, per tag) and of approved comments, written
 * by Rome; the sitemap and robots.txt. Links are absolute, from {@code blog.base-url}.
 */
package org.rlsblog.feed;
