package org.rlsblog.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.ImportedComment;
import org.rlsblog.content.ContentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * At start-up, stores the comments listed in {@code content/comments/*.yml} that are not stored
 * yet (each has a key), so comments from the old blog ship with the site. Running it again adds
 * nothing. A broken file is logged and skipped; it never stops the site.
 */
@Component
class ExistingCommentsImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExistingCommentsImporter.class);
    private static final String COMMENTS_FOLDER = "comments";

    private final ContentProperties content;
    private final CommentService comments;

    ExistingCommentsImporter(ContentProperties content, CommentService comments) {
        this.content = content;
        this.comments = comments;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path dir = content.contentDir().resolve(COMMENTS_FOLDER);
        if (!Files.isDirectory(dir)) {
            return;
        }
        long start = System.nanoTime();
        try (Stream<Path> files = Files.list(dir)) {
            int added = 0;
            for (Path file :
                    files.filter(ExistingCommentsFile::isCommentsFile).sorted().toList()) {
                added += importFile(file);
            }
            log.info(
                    "Existing comments checked in {} ms: {} added",
                    Duration.ofNanos(System.nanoTime() - start).toMillis(),
                    added);
        } catch (IOException e) {
            log.error("Existing comments in {} not read: {}", dir, e.toString());
        }
    }

    /** Imports a file's comments, unless this very file (same bytes) was imported before. */
    int importFile(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha256 = DigestUtils.sha256Hex(bytes);
            if (comments.isImportedFile(sha256)) {
                return 0;
            }
            List<ImportedComment> list = ExistingCommentsFile.read(bytes);
            int added = comments.importComments(list);
            comments.markImportedFile(sha256);
            if (added > 0) {
                log.info("Imported {} existing comments from {}", added, file);
            }
            return added;
        } catch (IOException | YAMLException | IllegalArgumentException e) {
            log.error("Existing comments file {} skipped: {}", file, e.getMessage());
            return 0;
        } catch (DataAccessException e) {
            log.error("Existing comments file {} not stored: the store refused it: {}", file, e.getMessage());
            return 0;
        }
    }
}
