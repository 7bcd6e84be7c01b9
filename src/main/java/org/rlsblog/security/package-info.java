/**
 * The one security filter chain: CSRF tokens in a cookie, the admin login and its throttle, the
 * request size limit and the security headers. Knows no feature: features plug in through Spring
 * Security's own interfaces.
 */
@NullMarked
package org.rlsblog.security;

import org.jspecify.annotations.NullMarked;
