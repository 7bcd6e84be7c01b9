package org.rlsblog.web;

import static java.util.Objects.requireNonNull;

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

    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PageMeta} by naming its parts; unset flags are false, numbers 0, lists empty and optional parts null. */
    static final class Builder {

        private @Nullable String title;
        private @Nullable String description;
        private @Nullable String canonicalUrl;
        private @Nullable String type;
        private @Nullable Image image;
        private @Nullable String publishedIso;
        private @Nullable String modifiedIso;
        private @Nullable String jsonLd;
        private List<FeedLink> feeds = List.of();

        private Builder() {}

        Builder title(String title) {
            this.title = title;
            return this;
        }

        Builder description(String description) {
            this.description = description;
            return this;
        }

        Builder canonicalUrl(String canonicalUrl) {
            this.canonicalUrl = canonicalUrl;
            return this;
        }

        Builder type(String type) {
            this.type = type;
            return this;
        }

        Builder image(@Nullable Image image) {
            this.image = image;
            return this;
        }

        Builder publishedIso(@Nullable String publishedIso) {
            this.publishedIso = publishedIso;
            return this;
        }

        Builder modifiedIso(@Nullable String modifiedIso) {
            this.modifiedIso = modifiedIso;
            return this;
        }

        Builder jsonLd(@Nullable String jsonLd) {
            this.jsonLd = jsonLd;
            return this;
        }

        Builder feeds(List<FeedLink> feeds) {
            this.feeds = feeds;
            return this;
        }

        PageMeta build() {
            return new PageMeta(
                    requireNonNull(title, "title"),
                    requireNonNull(description, "description"),
                    requireNonNull(canonicalUrl, "canonicalUrl"),
                    requireNonNull(type, "type"),
                    image,
                    publishedIso,
                    modifiedIso,
                    jsonLd,
                    feeds);
        }
    }
}
