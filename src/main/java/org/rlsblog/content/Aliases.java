package org.rlsblog.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The old addresses of posts and pages ({@code aliases:}, WordPress ids), checked across files:
 * an alias may not take the site's own addresses, a live address or another file's alias.
 */
final class Aliases {

    /** Alias keys of WordPress ids ({@code wordpress:9}): no request path starts so, so only an id look-up finds them. */
    static final String WORDPRESS_KEY = "wordpress:";

    private static final String POSTS_PREFIX = "/posts/";

    /** First path segments that belong to the application; pages and aliases may not take them. */
    static final Set<String> RESERVED = Set.of(
            "posts",
            "tags",
            "archive",
            "search",
            "admin",
            "login",
            "logout",
            "media",
            "feed",
            "feed.atom",
            "feed.rss",
            "sitemap.xml",
            "robots.txt",
            "error",
            "css",
            "js",
            "images",
            "assets",
            "actuator",
            "favicon.ico",
            "page",
            "preview");

    private final Set<String> liveUrls;
    private final List<ContentProblem> problems;
    private final ContentSnapshot.KeyLines lines;
    private final Map<String, String> targets = new HashMap<>();
    private final Map<String, Path> owners = new HashMap<>();

    /**
     * @param liveUrls the addresses of the posts and pages on the site
     * @param problems where a file with a bad alias is reported
     */
    Aliases(Set<String> liveUrls, List<ContentProblem> problems, ContentSnapshot.KeyLines lines) {
        this.liveUrls = liveUrls;
        this.problems = problems;
        this.lines = lines;
    }

    /**
     * Checks a file's aliases all together: a file with one bad alias is left out whole, so that
     * a typo never silently sends an old address somewhere else.
     *
     * @return whether the file keeps its place on the site
     */
    boolean add(List<String> wanted, String target, Path source) {
        List<String> keys = new ArrayList<>();
        for (String alias : wanted) {
            String key = normalize(alias);
            String problem = null;
            if (key.startsWith(WORDPRESS_KEY)) {
                if (owners.containsKey(key) || keys.contains(key)) {
                    problem = "WordPress id " + key.substring(WORDPRESS_KEY.length()) + " is already the id of "
                            + owners.getOrDefault(key, source);
                }
            } else if (isReserved(key)) {
                problem = "alias '" + alias + "' collides with the site's own address " + key;
            } else if (liveUrls.contains(key)) {
                problem = "alias '" + alias + "' collides with the address of a post or page";
            } else if (owners.containsKey(key) || keys.contains(key)) {
                problem = "alias '" + alias + "' is already an alias of " + owners.getOrDefault(key, source);
            }
            if (problem != null) {
                problems.add(new ContentProblem(source, lines.line(source, "aliases"), problem));
                return false;
            }
            keys.add(key);
        }
        for (String key : keys) {
            targets.put(key, target);
            owners.put(key, source);
        }
        return true;
    }

    /** Each alias key and the address it leads to. */
    Map<String, String> targets() {
        return Map.copyOf(targets);
    }

    /** Whether a path belongs to the site itself (a page or an alias may not take it). */
    static boolean isReserved(String path) {
        String key = normalize(path);
        String firstSegment = key.length() > 1 ? key.substring(1).split("/", 2)[0] : "";
        return key.equals("/") || RESERVED.contains(firstSegment) && !isOldPostAddress(key);
    }

    /** A renamed post may keep its old {@code /posts/old-slug} address as an alias. */
    private static boolean isOldPostAddress(String key) {
        return key.startsWith(POSTS_PREFIX) && Slugs.isValid(key.substring(POSTS_PREFIX.length()));
    }

    /** The form aliases are looked up in: lowercase, no trailing slash, no query. */
    static String normalize(String path) {
        if (path.startsWith(WORDPRESS_KEY)) {
            return path;
        }
        String key = path;
        int query = key.indexOf('?');
        if (query >= 0) {
            key = key.substring(0, query);
        }
        while (key.length() > 1 && key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key.toLowerCase(Locale.ROOT);
    }
}
