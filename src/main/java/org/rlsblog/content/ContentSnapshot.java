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
                problems.add(slugProblem(
                        post.source(),
                        lines,
                        "duplicate slug '" + post.slug() + "': " + other.source() + " has it already"));
            }
        }
        Map<String, Page> pages = new LinkedHashMap<>();
        List<Page> sortedPages = new ArrayList<>(pageCandidates);
        sortedPages.sort(Comparator.comparing((Page p) -> p.source().toString()));
        for (Page page : sortedPages) {
            if (Aliases.RESERVED.contains(page.slug())) {
                problems.add(slugProblem(
                        page.source(),
                        lines,
                        "page slug '" + page.slug() + "' is taken by the site itself (/" + page.slug() + ")"));
                continue;
            }
            Page other = pages.putIfAbsent(page.slug(), page);
            if (other != null) {
                problems.add(slugProblem(
                        page.source(),
                        lines,
                        "duplicate page slug '" + page.slug() + "': " + other.source() + " has it already"));
            }
        }

        Set<String> liveUrls = new HashSet<>();
        postsBySlug.values().forEach(p -> liveUrls.add(p.url()));
        pages.values().forEach(p -> liveUrls.add(p.url()));
        Aliases aliases = new Aliases(liveUrls, problems, lines);
        List<Post> posts = new ArrayList<>();
        for (Post post : postsBySlug.values()) {
            if (aliases.add(post.aliases(), post.url(), post.source())) {
                posts.add(post);
            }
        }
        for (Page page : List.copyOf(pages.values())) {
            if (!aliases.add(page.aliases(), page.url(), page.source())) {
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
                aliases.targets(),
                List.copyOf(problems),
                drafts,
                List.copyOf(files.draftPages()),
                List.copyOf(warnings),
                now);
    }

    private static ContentProblem slugProblem(Path source, KeyLines lines, String problem) {
        return new ContentProblem(source, lines.line(source, "slug"), problem);
    }

    /** The posts dated {@code now} or earlier: a suffix of a newest-first list, found by binary search. */
    static List<Post> dueBy(List<Post> newestFirst, Instant now) {
        int low = 0;
        int high = newestFirst.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (newestFirst.get(mid).published().toInstant().isAfter(now)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return newestFirst.subList(low, newestFirst.size());
    }
}
