/**
 * The application: its entry point and clock, and {@link org.rlsblog.NotFoundException}, the one
 * way any feature answers 404. The features live in the sub-packages; docs/architecture.md maps them.
 */
@NullMarked
package org.rlsblog;

import org.jspecify.annotations.NullMarked;
