package org.rlsblog.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The uploaded files an import brings across into {@code content/media/}, under the same
 * {@code yyyy/mm/} folders as in WordPress. A resized copy is replaced by its best original (the
 * site makes its own sizes); each file is taken once, a few at a time, streamed to the staging
 * folder. A file the source does not have keeps its old link and is reported with the posts using it.
 */
final class MediaFiles implements AutoCloseable {

    /** Downloads at the same time: enough to be quick, few enough to be polite to the old host. */
    static final int PARALLEL = 4;

    static final String MEDIA_FOLDER = "media/";
    static final String MEDIA_PATH = "/" + MEDIA_FOLDER;

    private final WordPressAttachments attachments;
    private final @Nullable MediaSource source;
    private final StagedFiles files;
    private final ImportReport report;
    private final boolean dryRun;
    private final @Nullable ExecutorService pool;
    private final Map<String, Future<Boolean>> taken = new ConcurrentHashMap<>();

    MediaFiles(
            WordPressAttachments attachments,
            @Nullable MediaSource source,
            StagedFiles files,
            ImportReport report,
            boolean dryRun) {
        this.attachments = attachments;
        this.source = source;
        this.files = files;
        this.report = report;
        this.dryRun = dryRun;
        this.pool = source == null ? null : Executors.newFixedThreadPool(PARALLEL);
    }

    WordPressAttachments attachments() {
        return attachments;
    }

    /**
     * The local addresses of those of {@code urls} that are uploads of the old site and could be
     * taken; the others are absent (their links stay as they are).
     *
     * @param usedBy the item, as the report names it
     */
    Map<String, String> localize(Collection<String> urls, String usedBy) {
        Map<String, String> local = new LinkedHashMap<>();
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (String url : urls) {
            String relative = UploadPaths.fromUrl(url);
            if (relative == null) {
                if (url.contains(UploadPaths.UPLOADS)) {
                    report.move().missingFile(url, usedBy, "a path that could leave the media folder");
                }
                continue;
            }
            if (source == null) {
                report.upload(url);
                continue;
            }
            String original = attachments.original(relative);
            candidates.put(url, original.equals(relative) ? List.of(relative) : List.of(original, relative));
        }
        for (int round = 0; round < 2 && !candidates.isEmpty(); round++) {
            Map<String, String> tried = new LinkedHashMap<>();
            for (var entry : candidates.entrySet()) {
                if (round < entry.getValue().size()) {
                    String file = entry.getValue().get(round);
                    taken.computeIfAbsent(file, this::submit);
                    tried.put(entry.getKey(), file);
                }
            }
            for (var entry : tried.entrySet()) {
                if (await(taken.get(entry.getValue()))) {
                    local.put(entry.getKey(), MEDIA_PATH + UploadPaths.encode(entry.getValue()));
                    candidates.remove(entry.getKey());
                }
            }
        }
        for (String url : candidates.keySet()) {
            report.move().missingFile(url, usedBy, "not found");
        }
        return local;
    }

    private Future<Boolean> submit(String file) {
        return Objects.requireNonNull(pool).submit(() -> take(file));
    }

    /** Takes one file below {@code uploads/}; false when the source does not have it. */
    private boolean take(String file) throws IOException {
        MediaSource from = Objects.requireNonNull(source);
        String relative = MEDIA_FOLDER + file;
        if (files.exists(relative) && !files.overwrite()) {
            report.move().mediaFile(file, MoveReport.MediaOutcome.ALREADY_THERE);
            return true;
        }
        if (dryRun) {
            boolean exists = from.exists(file);
            if (exists) {
                report.move().mediaFile(file, outcome(from));
            }
            return exists;
        }
        Path staged = files.stageBinary(relative);
        if (!from.copy(file, staged)) {
            files.unstage(relative);
            return false;
        }
        report.move().mediaFile(file, outcome(from));
        return true;
    }

    private static MoveReport.MediaOutcome outcome(MediaSource from) {
        return from.kind() == MediaSource.Kind.COPIED
                ? MoveReport.MediaOutcome.COPIED
                : MoveReport.MediaOutcome.FETCHED;
    }

    private boolean await(@Nullable Future<Boolean> future) {
        if (future == null) {
            return false;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                report.move().mediaProblem(io.getMessage());
                return false;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
