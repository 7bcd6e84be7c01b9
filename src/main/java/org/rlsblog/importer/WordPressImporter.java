package org.rlsblog.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.CommentService;
import org.rlsblog.content.ContentProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export: posts and pages become Markdown files in {@code content/}, comments
 * go into the comment store with their threads. Nothing is written half-way: the whole export is
 * read and converted first, and only when that worked are the comments stored and the files moved
 * into place. Running it again changes nothing.
 */
@Component
class WordPressImporter {

    private final ContentProperties content;
    private final CommentService comments;
    private final TransactionTemplate transactions;

    WordPressImporter(ContentProperties content, CommentService comments, PlatformTransactionManager transactions) {
        this.content = content;
        this.comments = comments;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * @param dryRun read and report only, write nothing
     * @param overwrite replace files edited since the import, and files the importer did not write
     * @param uploads a copy of the old site's {@code wp-content/uploads} folder
     * @param mediaBaseUrl the old site's address, to fetch the uploaded files from
     * @param maxFileBytes the largest file fetched from the old site
     */
    record Options(
            boolean dryRun,
            boolean overwrite,
            @Nullable Path uploads,
            @Nullable String mediaBaseUrl,
            long maxFileBytes) {

        Options(boolean dryRun, boolean overwrite) {
            this(dryRun, overwrite, null, null, OldSiteDownloads.DEFAULT_MAX_BYTES);
        }
    }

    ImportReport importFile(Path export, Options options) throws IOException, WxrFormatException {
        if (!Files.isRegularFile(export)) {
            throw new WxrFormatException(export + ": no such file");
        }
        ImportReport report = new ImportReport(options.dryRun());
        MediaSource source = source(options);
        // a first pass for the attachments: a post may use a file whose item comes after it
        WordPressAttachments attachments = WordPressAttachments.read(export);
        StagedFiles files = null;
        try {
            files = StagedFiles.open(content.contentDir(), options);
            ImportRun run;
            try (MediaFiles media = new MediaFiles(attachments, source, files, report, options.dryRun())) {
                run = new ImportRun(report, files, content.timeZone(), media, source != null);
                read(export, run);
            }
            if (!options.dryRun()) {
                // comments in one transaction, so that a failing insert stores none of them
                Integer added = transactions.execute(tx -> comments.importComments(run.comments()));
                report.commentsAdded(added == null ? 0 : added);
                files.moveIntoPlace();
            }
            return report;
        } finally {
            if (files != null) {
                files.deleteStaging();
            }
        }
    }

    private static @Nullable MediaSource source(Options options) throws IOException {
        if (options.uploads() != null && options.mediaBaseUrl() != null) {
            throw new IOException("give --uploads or --media-base-url, not both");
        }
        if (options.uploads() != null) {
            return new UploadsFolder(options.uploads());
        }
        if (options.mediaBaseUrl() != null) {
            try {
                return new OldSiteDownloads(
                        OldSiteDownloads.uploadsAddress(options.mediaBaseUrl()), options.maxFileBytes());
            } catch (IllegalArgumentException e) {
                throw new IOException("--media-base-url " + options.mediaBaseUrl() + ": not an address", e);
            }
        }
        return null;
    }

    private static void read(Path export, ImportRun run) throws IOException, WxrFormatException {
        try (InputStream in = Files.newInputStream(export)) {
            WxrReader.read(in, export.getFileName().toString(), run);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
