/**
 * Checks the web links in the articles' references in the background, politely, and keeps which
 * are broken, since when and why. Public face: {@link org.rlsblog.references.ReferenceChecks}.
 */
@NullMarked
package org.rlsblog.references;

import org.jspecify.annotations.NullMarked;
