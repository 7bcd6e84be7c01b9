/**
 * The embedded Tomcat: its settings, a graceful shutdown that loses no request, the site's error
 * page for requests Tomcat refuses itself, and the container's health probe.
 */
@NullMarked
package org.rlsblog.server;

import org.jspecify.annotations.NullMarked;
