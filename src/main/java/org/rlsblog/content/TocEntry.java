package org.rlsblog.content;

/** One heading of a post's table of contents: its level (2 or 3), anchor id and text. */
public record TocEntry(int level, String id, String text) {}
