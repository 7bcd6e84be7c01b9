package org.rlsblog.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rlsblog.comments.CommentStatus;

/** What an import did (or, in a dry run, would do): printed at the end, checked by tests. */
final class ImportReport {

    /** What happened to one post or page file. */
    enum Outcome {
        CREATED("new"),
        UPDATED("updated (changed in the export, not edited here)"),
        UNCHANGED("unchanged"),
        KEPT_EDIT("kept: edited since the import (use --overwrite to replace)"),
        KEPT_FOREIGN("kept: a file not written by the importer has this name (use --overwrite to replace)"),
        OVERWRITTEN("overwritten (--overwrite)");

        final String description;

        Outcome(String description) {
            this.description = description;
        }

        boolean writes() {
            return this == CREATED || this == UPDATED || this == OVERWRITTEN;
        }
    }

    record FileLine(String kind, long wordpressId, String file, boolean draft, Outcome outcome) {}

    private final boolean dryRun;
    private final List<FileLine> files = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Set<String> uploads = new LinkedHashSet<>();
    private final Map<CommentStatus, Integer> comments = new EnumMap<>(CommentStatus.class);
    private int commentsAdded;
    private final MoveReport move = new MoveReport();

    ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void file(String kind, long wordpressId, String file, boolean draft, Outcome outcome) {
        files.add(new FileLine(kind, wordpressId, file, draft, outcome));
    }

    void skipped(String what, String why) {
        skipped.add(what + ": " + why);
    }

    MoveReport move() {
        return move;
    }

    synchronized void upload(String url) {
        uploads.add(url);
    }

    void comment(CommentStatus status) {
        comments.merge(status, 1, Integer::sum);
    }

    void commentsAdded(int added) {
        commentsAdded = added;
    }

    boolean dryRun() {
        return dryRun;
    }

    List<FileLine> files() {
        return List.copyOf(files);
    }

    long count(String kind) {
        return files.stream().filter(f -> f.kind().equals(kind)).count();
    }

    long count(Outcome outcome) {
        return files.stream().filter(f -> f.outcome() == outcome).count();
    }

    List<String> skipped() {
        return List.copyOf(skipped);
    }

    List<String> uploads() {
        return List.copyOf(uploads);
    }

    int comments(CommentStatus status) {
        return comments.getOrDefault(status, 0);
    }

    int commentsAdded() {
        return commentsAdded;
    }

    void print(PrintStream out) {
        out.println(dryRun ? "WordPress import, dry run: nothing was written." : "WordPress import done.");
        out.println();
        out.printf(
                "Posts: %d, pages: %d (%d drafts)%n",
                count("post"),
                count("page"),
                files.stream().filter(FileLine::draft).count());
        for (FileLine line : files) {
            out.printf(
                    "  %-4s %5d  %s%s: %s%n",
                    line.kind(),
                    line.wordpressId(),
                    line.file(),
                    line.draft() ? " (draft)" : "",
                    (dryRun && line.outcome().writes() ? "would be " : "") + line.outcome().description);
        }
        out.printf(
                "Comments: %d approved, %d pending, %d spam; %s%n",
                comments(CommentStatus.APPROVED),
                comments(CommentStatus.PENDING),
                comments(CommentStatus.SPAM),
                dryRun
                        ? "those not stored yet would be added"
                        : commentsAdded + " added (the others were stored by an earlier import)");
        out.printf("Skipped: %d%n", skipped.size());
        skipped.forEach(s -> out.println("  " + s));
        move.print(out, dryRun);
        if (!uploads.isEmpty()) {
            out.printf(
                    "Files on the old site (import with --uploads or --media-base-url, or copy them by hand to"
                            + " content/media/ and fix the links): %d%n",
                    uploads.size());
            uploads.forEach(u -> out.println("  " + u));
        }
    }
}
