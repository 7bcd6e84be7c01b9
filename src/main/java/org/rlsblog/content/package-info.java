/**
 * Reads {@code content/}: front matter, flexmark rendering, the immutable snapshot of posts and
 * pages, and watching the folder for changes. Public face: {@link org.rlsblog.content.PostCatalog}.
 */
@NullMarked
package org.rlsblog.content;

import org.jspecify.annotations.NullMarked;
