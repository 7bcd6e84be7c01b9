/**
 * The embedded Tomcat: its settings, a graceful shutdown that loses no request, and the
 * container's health probe.
 */
@NullMarked
package org.rlsblog.server;

import org.jspecify.annotations.NullMarked;
