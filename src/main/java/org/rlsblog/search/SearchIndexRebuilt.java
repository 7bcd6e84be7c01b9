package org.rlsblog.search;

import java.time.Instant;

/**
 * Published after a new search index has been swapped in, for the content snapshot loaded at
 * {@code contentLoadedAt}: related posts may have changed.
 */
public record SearchIndexRebuilt(Instant contentLoadedAt) {}
