package org.rlsblog.content;

import org.jspecify.annotations.Nullable;

/** The published posts just before and after one post, for "previous/next" links. */
public record Neighbours(@Nullable Post newer, @Nullable Post older) {}
