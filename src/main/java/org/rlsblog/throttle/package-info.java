/**
 * Counting clients for rate limits: the key a client is counted by (an IPv4 address, an IPv6 /64)
 * and Bucket4j buckets that read the application's clock. Public face: {@link
 * org.rlsblog.throttle.ClientKey} and {@link org.rlsblog.throttle.Buckets}.
 */
@NullMarked
package org.rlsblog.throttle;

import org.jspecify.annotations.NullMarked;
