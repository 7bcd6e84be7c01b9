/**
 * New articles by e-mail: readers subscribe (double opt-in) and get each newly published post
 * once, through the site's own mail server; the author sees and manages subscribers at {@code
 * /admin/subscribers}. Depends on {@code content}, {@code comments} (signed tokens, form checks)
 * and {@code notification} (the author's address and the sender).
 */
@NullMarked
package org.rlsblog.newsletter;

import org.jspecify.annotations.NullMarked;
