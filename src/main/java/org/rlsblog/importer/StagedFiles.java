package org.rlsblog.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The Markdown files of one import. Each is written to a staging folder inside the content folder
 * (so the final move stays on one file system) and moved into place only once the whole export has
 * been read: a failed import writes nothing. A file edited since the import, or one the importer
 * did not write, is kept unless overwrite is asked for; {@link ImportedFile} tells them apart.
 */
final class StagedFiles {

    private static final String STAGING_PREFIX = ".wp-import-";

    private final Path contentDir;
    private final boolean overwrite;
    /** Null in a dry run, which writes nothing. */
    private final @Nullable Path staging;

    private final List<Staged> staged = Collections.synchronizedList(new ArrayList<>());

    /** A file ready to be moved into place once the whole export has been read. */
    private record Staged(Path staged, Path target) {}

    private StagedFiles(Path contentDir, boolean overwrite, @Nullable Path staging) {
        this.contentDir = contentDir;
        this.overwrite = overwrite;
        this.staging = staging;
    }

    /** Creates the staging folder, unless this is a dry run. */
    static StagedFiles open(Path contentDir, WordPressImporter.Options options) throws IOException {
        if (options.dryRun()) {
            return new StagedFiles(contentDir, options.overwrite(), null);
        }
        Files.createDirectories(contentDir);
        return new StagedFiles(contentDir, options.overwrite(), Files.createTempDirectory(contentDir, STAGING_PREFIX));
    }

    /** Stages {@code text} for the file at {@code relative} (below the content folder) if the file may be written. */
    ImportReport.Outcome stage(String relative, String text) throws IOException {
        Path target = contentDir.resolve(relative);
        ImportReport.Outcome outcome = outcome(target, text);
        if (outcome.writes() && staging != null) {
            Path file = staging.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            staged.add(new Staged(file, target));
        }
        return outcome;
    }

    boolean overwrite() {
        return overwrite;
    }

    /** Whether the site already has the file at {@code relative} (below the content folder). */
    boolean exists(String relative) {
        return Files.exists(target(relative));
    }

    /**
     * A staging file for the binary file at {@code relative} (below the content folder), moved into
     * place with the others; its parent folders are made. Not for a dry run.
     */
    Path stageBinary(String relative) throws IOException {
        Path target = target(relative);
        if (staging == null) {
            throw new IllegalStateException("a dry run stages nothing");
        }
        Path file = staging.resolve(relative).normalize();
        if (!file.startsWith(staging)) {
            throw new IOException(relative + ": outside the content folder");
        }
        Files.createDirectories(file.getParent());
        staged.add(new Staged(file, target));
        return file;
    }

    /** Forgets a staged binary file that could not be written. */
    void unstage(String relative) throws IOException {
        Path target = target(relative);
        synchronized (staged) {
            for (var it = staged.iterator(); it.hasNext(); ) {
                Staged s = it.next();
                if (s.target().equals(target)) {
                    Files.deleteIfExists(s.staged());
                    it.remove();
                }
            }
        }
    }

    private Path target(String relative) {
        Path target = contentDir.resolve(relative).normalize();
        if (!target.startsWith(contentDir.normalize())) {
            throw new IllegalArgumentException(relative + ": outside the content folder");
        }
        return target;
    }

    private ImportReport.Outcome outcome(Path target, String text) throws IOException {
        if (!Files.exists(target)) {
            return ImportReport.Outcome.CREATED;
        }
        String existing = Files.readString(target, StandardCharsets.UTF_8);
        if (existing.equals(text)) {
            return ImportReport.Outcome.UNCHANGED;
        }
        return switch (ImportedFile.stateOf(existing)) {
            case AS_IMPORTED -> ImportReport.Outcome.UPDATED;
            case EDITED -> overwrite ? ImportReport.Outcome.OVERWRITTEN : ImportReport.Outcome.KEPT_EDIT;
            case FOREIGN -> overwrite ? ImportReport.Outcome.OVERWRITTEN : ImportReport.Outcome.KEPT_FOREIGN;
        };
    }

    void moveIntoPlace() throws IOException {
        for (Staged file : staged) {
            Files.createDirectories(file.target().getParent());
            move(file.staged(), file.target());
        }
    }

    /** Deletes the staging folder and whatever is left in it. */
    void deleteStaging() throws IOException {
        if (staging == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
