package org.rlsblog.web;

/** A date for a {@code <time>} element: machine-readable {@code iso} and the reader's {@code text}. */
public record DateView(String iso, String text) {}
