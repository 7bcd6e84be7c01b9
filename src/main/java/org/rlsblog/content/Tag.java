package org.rlsblog.content;

/** A tag: the slug used in URLs and the name as the author wrote it. */
public record Tag(String slug, String name) {}
