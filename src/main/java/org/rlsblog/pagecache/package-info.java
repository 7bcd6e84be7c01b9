/**
 * Finished pages kept in memory for anonymous readers, with their gzip form and headers, dropped
 * when the content or a post's comments change. Nothing depends on it: {@code blog.site.page-cache-size=0}
 * switches it off and the site answers the same.
 */
@NullMarked
package org.rlsblog.pagecache;

import org.jspecify.annotations.NullMarked;
