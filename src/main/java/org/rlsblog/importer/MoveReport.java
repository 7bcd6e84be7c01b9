package org.rlsblog.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The part of an import's report about moving the site: uploaded files copied, fetched or missing
 * (with the posts that use them), shortcodes converted and kept, old addresses mapped. Files are
 * taken on several threads, so what they report is synchronized.
 */
final class MoveReport {

    /** What happened to one uploaded file. */
    enum MediaOutcome {
        COPIED,
        FETCHED,
        ALREADY_THERE
    }

    private final Map<MediaOutcome, Set<String>> media = new EnumMap<>(MediaOutcome.class);
    private final Map<String, Set<String>> missing = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> converted = new TreeMap<>();
    private final Map<String, Integer> kept = new TreeMap<>();
    private final Map<String, Integer> addresses = new TreeMap<>();

    synchronized void mediaFile(String file, MediaOutcome outcome) {
        media.computeIfAbsent(outcome, o -> new LinkedHashSet<>()).add(file);
    }

    synchronized void missingFile(String url, String usedBy, String why) {
        missing.computeIfAbsent(url + " (" + why + ")", u -> new LinkedHashSet<>())
                .add(usedBy);
    }

    synchronized void mediaProblem(String problem) {
        problems.add(problem);
    }

    /** A shortcode or block turned into the site's own form. */
    synchronized void converted(String name) {
        converted.merge(name, 1, Integer::sum);
    }

    /** A shortcode this site has no counterpart for, left in the text as it was. */
    synchronized void kept(String name) {
        kept.merge(name, 1, Integer::sum);
    }

    /** Old addresses of one kind that now answer with a redirect. */
    synchronized void addresses(String kind, int count) {
        if (count > 0) {
            addresses.merge(kind, count, Integer::sum);
        }
    }

    synchronized int files(MediaOutcome outcome) {
        return media.getOrDefault(outcome, Set.of()).size();
    }

    synchronized Set<String> filesOf(MediaOutcome outcome) {
        return Set.copyOf(media.getOrDefault(outcome, Set.of()));
    }

    synchronized Map<String, Set<String>> missing() {
        return Map.copyOf(missing);
    }

    synchronized Map<String, Integer> convertedShortcodes() {
        return Map.copyOf(converted);
    }

    synchronized Map<String, Integer> keptShortcodes() {
        return Map.copyOf(kept);
    }

    synchronized Map<String, Integer> addresses() {
        return Map.copyOf(addresses);
    }

    synchronized void print(PrintStream out, boolean dryRun) {
        String would = dryRun ? "would be " : "";
        out.printf(
                "Files: %d %scopied, %d %sfetched, %d already in content/media/, %d missing%n",
                files(MediaOutcome.COPIED),
                would,
                files(MediaOutcome.FETCHED),
                would,
                files(MediaOutcome.ALREADY_THERE),
                missing.size());
        missing.forEach((file, posts) -> out.println("  missing " + file + ", used by " + String.join("; ", posts)));
        problems.forEach(p -> out.println("  problem: " + p));
        out.printf("Shortcodes and blocks converted: %s%n", counts(converted));
        out.printf("Shortcodes kept as text (no counterpart here): %s%n", counts(kept));
        out.printf("Old addresses mapped: %s%n", counts(addresses));
    }

    private static String counts(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((name, n) -> parts.add(name + " " + n));
        return String.join(", ", parts);
    }
}
