package org.rlsblog.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What goes into a page's {@code <head>} for search engines, sharing and feed readers: meta
 * description, canonical URL, Open Graph and Twitter card values, JSON-LD, feed links. Prepared by
 * {@link PageMetas}; the layout only prints it.
 *
 * @param jsonLd schema.org JSON, already escaped for use inside a {@code <script>} element
 */
public record PageMeta(
        String title,
        String description,
        String canonicalUrl,
        String type,
        @Nullable String image,
        @Nullable String imageAlt,
        @Nullable String publishedIso,
        @Nullable String modifiedIso,
        @Nullable String jsonLd,
        List<FeedLink> feeds) {

    /** A {@code <link rel="alternate">} to a feed. */
    record FeedLink(String type, String title, String href) {}
}
