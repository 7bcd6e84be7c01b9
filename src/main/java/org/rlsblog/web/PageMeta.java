package org.rlsblog.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What goes into a page's {@code <head>} for search engines, sharing and feed readers: meta
 * description, canonical URL, Open Graph and Twitter card values, JSON-LD, feed links. Prepared by
 * {@link PageMetas}; the layout only prints it.
 *
 * @param image the picture link previews show, or null
 * @param jsonLd schema.org JSON, already escaped for use inside a {@code <script>} element
 */
public record PageMeta(
        String title,
        String description,
        String canonicalUrl,
        String type,
        @Nullable Image image,
        @Nullable String publishedIso,
        @Nullable String modifiedIso,
        @Nullable String jsonLd,
        List<FeedLink> feeds) {

    /**
     * A picture for link previews ({@code og:image}): an absolute address, and its size when known
     * (0 otherwise).
     */
    public record Image(String url, @Nullable String alt, int width, int height) {}

    /** A {@code <link rel="alternate">} to a feed. */
    record FeedLink(String type, String title, String href) {}
}
