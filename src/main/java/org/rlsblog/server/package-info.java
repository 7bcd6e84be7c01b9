/**
 * The embedded Tomcat: its settings, a graceful shutdown that loses no request, and the
 * container's health probe.
 */
package org.rlsblog.server;
