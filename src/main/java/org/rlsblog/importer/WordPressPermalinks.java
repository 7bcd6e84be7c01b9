package org.rlsblog.importer;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The old site's addresses of an item that the new site keeps answering, with a redirect to the new one. */
final class WordPressPermalinks {

    private WordPressPermalinks() {}

    /**
     * The old permalink's path, when the item had a pretty one that differs from its new address.
     * A plain permalink ({@code /?p=11}) has no path of its own to keep.
     */
    static @Nullable String alias(WxrItem item, String newPath) {
        if (!item.status().equals("publish")
                || item.link().isEmpty()
                || item.link().contains("?")) {
            return null;
        }
        String path;
        try {
            path = URI.create(item.link()).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null || path.isEmpty() || path.equals("/") || path.contains("..") || path.startsWith("//")) {
            return null;
        }
        String normalized = path.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        return normalized.equals(newPath) ? null : path;
    }
}
