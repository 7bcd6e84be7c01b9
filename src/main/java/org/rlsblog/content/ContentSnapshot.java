package org.rlsblog.content;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything read from {@code content/} at one moment, indexed for requests: posts newest first
 * (scheduled ones included, hidden by date at request time), by slug, by tag, pages by slug and
 * aliases by path. Built once per reload and never changed; the catalog swaps whole snapshots.
 * Drafts are kept apart, in lists no reader page, feed or index reads: only a preview link shows one.
 */
record ContentSnapshot(
        List<Post> posts,
        Map<String, Integer> indexBySlug,
        Map<String, List<Post>> postsByTag,
        Map<String, Tag> tags,
        Map<String, Page> pages,
        Map<String, String> aliases,
        List<ContentProblem> problems,
        List<Post> drafts,
        List<Page> draftPages,
        List<ContentProblem> warnings,
        Instant loadedAt) {

    /** Alias keys of WordPress ids ({@code wordpress:9}): no request path starts so, so only an id look-up finds them. */
    static final String WORDPRESS_KEY = "wordpress:";

    /** The line a front matter key stands on in a file, for problems found across files. */
    @FunctionalInterface
    interface KeyLines {

        /** The start of the file, for tests that build snapshots without files. */
        KeyLines FIRST = (file, key) -> 1;

        int line(Path file, String key);
    }

    /**
     * What the files gave, before the rules across files.
     *
     * @param problems files left out, and why
     * @param warnings what the author should fix in files that are on the site
     */
    record Files(
            List<Post> posts,
            List<Page> pages,
            List<Post> drafts,
            List<Page> draftPages,
            List<ContentProblem> problems,
            List<ContentProblem> warnings,
            KeyLines lines) {}

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

    static final Comparator<Post> NEWEST_FIRST =
            Comparator.comparing(Post::published).reversed().thenComparing(Post::slug);

    static ContentSnapshot empty(Instant now) {
        return build(List.of(), List.of(), List.of(), now);
    }

    /** Cross-file rules (duplicate slugs, colliding aliases and page slugs) and the indexes. */
    static ContentSnapshot build(
            List<Post> candidates, List<Page> pageCandidates, List<ContentProblem> fileProblems, Instant now) {
        return build(
                new Files(candidates, pageCandidates, List.of(), List.of(), fileProblems, List.of(), KeyLines.FIRST),
                now);
    }

    static ContentSnapshot build(Files files, Instant now) {
        List<Post> candidates = files.posts();
        List<Page> pageCandidates = files.pages();
        KeyLines lines = files.lines();
        List<ContentProblem> problems = new ArrayList<>(files.problems());
        List<Post> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing((Post p) -> p.source().toString()));

        Map<String, Post> postsBySlug = new LinkedHashMap<>();
        for (Post post : sorted) {
            Post other = postsBySlug.putIfAbsent(post.slug(), post);
            if (other != null) {
                problems.add(new ContentProblem(
                        post.source(),
                        lines.line(post.source(), "slug"),
                        "duplicate slug '" + post.slug() + "': " + other.source() + " has it already"));
            }
        }
        Map<String, Page> pages = new LinkedHashMap<>();
        List<Page> sortedPages = new ArrayList<>(pageCandidates);
        sortedPages.sort(Comparator.comparing((Page p) -> p.source().toString()));
        for (Page page : sortedPages) {
            if (RESERVED.contains(page.slug())) {
                problems.add(new ContentProblem(
                        page.source(),
                        lines.line(page.source(), "slug"),
                        "page slug '" + page.slug() + "' is taken by the site itself (/" + page.slug() + ")"));
                continue;
            }
            Page other = pages.putIfAbsent(page.slug(), page);
            if (other != null) {
                problems.add(new ContentProblem(
                        page.source(),
                        lines.line(page.source(), "slug"),
                        "duplicate page slug '" + page.slug() + "': " + other.source() + " has it already"));
            }
        }

        Map<String, String> aliases = new HashMap<>();
        Set<String> liveUrls = new HashSet<>();
        postsBySlug.values().forEach(p -> liveUrls.add(p.url()));
        pages.values().forEach(p -> liveUrls.add(p.url()));
        Map<String, Path> aliasOwners = new HashMap<>();
        List<Post> posts = new ArrayList<>();
        for (Post post : postsBySlug.values()) {
            if (addAliases(
                    post.aliases(), post.url(), post.source(), liveUrls, aliases, aliasOwners, problems, lines)) {
                posts.add(post);
            }
        }
        for (Page page : List.copyOf(pages.values())) {
            if (!addAliases(
                    page.aliases(), page.url(), page.source(), liveUrls, aliases, aliasOwners, problems, lines)) {
                pages.remove(page.slug());
            }
        }

        posts.sort(NEWEST_FIRST);
        Map<String, Integer> indexBySlug = new HashMap<>();
        Map<String, List<Post>> byTag = new HashMap<>();
        Map<String, Tag> tags = new TreeMap<>();
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            indexBySlug.put(post.slug(), i);
            for (Tag tag : post.tags()) {
                byTag.computeIfAbsent(tag.slug(), t -> new ArrayList<>()).add(post);
                tags.putIfAbsent(tag.slug(), tag);
            }
        }
        byTag.replaceAll((tag, list) -> List.copyOf(list));
        List<Post> drafts = DraftPosts.keep(files, indexBySlug.keySet(), problems);
        Comparator<ContentProblem> byPlace =
                Comparator.comparing((ContentProblem p) -> p.file().toString()).thenComparingInt(ContentProblem::line);
        problems.sort(byPlace);
        List<ContentProblem> warnings = new ArrayList<>(files.warnings());
        warnings.sort(byPlace);
        return new ContentSnapshot(
                List.copyOf(posts),
                Map.copyOf(indexBySlug),
                Map.copyOf(byTag),
                Collections.unmodifiableMap(tags),
                Map.copyOf(pages),
                Map.copyOf(aliases),
                List.copyOf(problems),
                drafts,
                List.copyOf(files.draftPages()),
                List.copyOf(warnings),
                now);
    }

    /**
     * Checks a file's aliases all together: a file with one bad alias is left out whole, so that
     * a typo never silently sends an old address somewhere else.
     */
    private static boolean addAliases(
            List<String> wanted,
            String target,
            Path source,
            Set<String> liveUrls,
            Map<String, String> aliases,
            Map<String, Path> owners,
            List<ContentProblem> problems,
            KeyLines lines) {
        List<String> keys = new ArrayList<>();
        for (String alias : wanted) {
            String key = normalize(alias);
            String firstSegment = key.length() > 1 ? key.substring(1).split("/", 2)[0] : "";
            String problem = null;
            if (key.startsWith(WORDPRESS_KEY)) {
                if (owners.containsKey(key) || keys.contains(key)) {
                    problem = "WordPress id " + key.substring(WORDPRESS_KEY.length()) + " is already the id of "
                            + owners.getOrDefault(key, source);
                }
            } else if (key.equals("/") || RESERVED.contains(firstSegment) && !isOldPostAddress(key)) {
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
            aliases.put(key, target);
            owners.put(key, source);
        }
        return true;
    }

    /** Whether a path belongs to the site itself (a page or an alias may not take it). */
    static boolean isReserved(String path) {
        String key = normalize(path);
        String firstSegment = key.length() > 1 ? key.substring(1).split("/", 2)[0] : "";
        return key.equals("/") || RESERVED.contains(firstSegment) && !isOldPostAddress(key);
    }

    /** A renamed post may keep its old {@code /posts/old-slug} address as an alias. */
    private static boolean isOldPostAddress(String key) {
        return key.startsWith("/posts/") && Slugs.isValid(key.substring("/posts/".length()));
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
