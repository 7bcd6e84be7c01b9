/**
 * The author's desk: {@code /admin/posts} (every post and page, content problems, reviews due,
 * references), secret preview links of drafts at {@code /preview/{token}}, and the weekly digest.
 */
@NullMarked
package org.rlsblog.desk;

import org.jspecify.annotations.NullMarked;
