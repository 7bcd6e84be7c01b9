package org.rlsblog.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the addresses a WordPress blog had, and addresses with a trailing slash, live on this
 * site: the feeds ({@code /feed/atom/}, {@code /comments/feed/}, {@code /?feed=rss2}), tag pages
 * and their feeds ({@code /tag/rls/}), the search ({@code /?s=liver}), and any path ending in a
 * slash. Feed readers and bookmarks that followed the old blog keep working after the move.
 * A post's own old address is its front matter's {@code aliases:}, not a rule here.
 */
final class OldAddresses {

    private static final Pattern TAG = Pattern.compile("/tag/([a-z0-9-]{1,200})/?");
    private static final Pattern TAG_FEED = Pattern.compile("/tag/([a-z0-9-]{1,200})/feed(?:/(?:atom|rss2?))?/?");
    private static final Pattern QUERY_FEED = Pattern.compile("feed=([a-z0-9-]{1,40})");
    private static final Pattern QUERY_SEARCH = Pattern.compile("s=([^&]{0,300})");

    private OldAddresses() {}

    /** The address to send a GET for {@code path} (and its raw {@code query}) to, if it moved. */
    static Optional<String> target(String path, @Nullable String query) {
        if (path.equals("/") && query != null) {
            return fromQuery(query);
        }
        String moved = switch (path) {
            case "/feed/atom", "/feed/atom/" -> "/feed.atom";
            case "/feed/rss2", "/feed/rss2/", "/feed/rss", "/feed/rss/" -> "/feed.rss";
            case "/comments/feed", "/comments/feed/", "/comments/feed/atom", "/comments/feed/atom/" ->
                "/comments/feed.atom";
            default -> null;
        };
        if (moved != null) {
            return Optional.of(moved);
        }
        if (path.startsWith("/tag/")) {
            Matcher tagFeed = TAG_FEED.matcher(path);
            if (tagFeed.matches()) {
                return Optional.of("/tags/" + tagFeed.group(1) + "/feed.atom");
            }
            Matcher tag = TAG.matcher(path);
            if (tag.matches()) {
                return Optional.of("/tags/" + tag.group(1));
            }
        }
        if (path.length() > 1 && path.endsWith("/") && !path.equals("/feed/") && !path.equals("/admin/")) {
            // runs of slashes collapsed too: "//host/" must never become a protocol-relative "//host"
            String bare = path.replaceAll("/{2,}", "/").replaceAll("/$", "");
            return Optional.of((bare.isEmpty() ? "/" : bare) + (query == null ? "" : "?" + query));
        }
        return Optional.empty();
    }

    private static Optional<String> fromQuery(String query) {
        Matcher feed = QUERY_FEED.matcher(query);
        if (feed.matches()) {
            return switch (feed.group(1)) {
                case "rss2", "rss", "rdf" -> Optional.of("/feed.rss");
                case "atom" -> Optional.of("/feed.atom");
                case "comments-rss2", "comments-atom" -> Optional.of("/comments/feed.atom");
                default -> Optional.empty();
            };
        }
        Matcher search = QUERY_SEARCH.matcher(query);
        if (search.matches()) {
            return Optional.of("/search?q=" + search.group(1));
        }
        return Optional.empty();
    }
}
