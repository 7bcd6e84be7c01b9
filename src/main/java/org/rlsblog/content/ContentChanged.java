package org.rlsblog.content;

import java.time.Instant;

/** Published after a new content snapshot has been swapped in. */
public record ContentChanged(Instant loadedAt, int posts, int pages, int problems) {}
