package org.rlsblog.pagecache;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A page in the {@link PageStore}: its body, the headers sent with it, what it was made from, and
 * its state while kept.
 */
record StoredPage(
        PageBody body,
        StoredHeaders headers,
        CachingHeaders caching,
        String contentType,
        @Nullable Locale language,
        PageSource source,
        PageState state) {

    /** An estimate of what an entry costs besides its body and headers, for the store's weight. */
    private static final int ENTRY_OVERHEAD = 200;

    int size() {
        return ENTRY_OVERHEAD + headers.size() + body.size();
    }
}
