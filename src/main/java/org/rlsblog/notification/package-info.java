/**
 * E-mail about comments, when SMTP is configured ({@code spring.mail.host}): the author hears of
 * each new comment with signed one-click approve/spam links, and readers who asked are told of
 * approved replies (double opt-in, one-click unsubscribe). Also the pages those links open.
 * Depends on {@code comments} and {@code content} (post titles and addresses).
 */
@NullMarked
package org.rlsblog.notification;

import org.jspecify.annotations.NullMarked;
