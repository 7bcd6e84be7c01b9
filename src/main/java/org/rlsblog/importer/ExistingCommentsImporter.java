package org.rlsblog.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.rlsblog.content.ContentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * At start-up, stores the comments listed in {@code content/comments/*.yml} that are not stored
 * yet (each has a key), so comments from the old blog ship with the site. Running it again adds
 * nothing. A broken file is logged and skipped; it never stops the site.
 */
@Component
class ExistingCommentsImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExistingCommentsImporter.class);

    private final ContentProperties content;
    private final CommentService comments;

    ExistingCommentsImporter(ContentProperties content, CommentService comments) {
        this.content = content;
        this.comments = comments;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path dir = content.contentDir().resolve("comments");
        if (!Files.isDirectory(dir)) {
            return;
        }
        long start = System.nanoTime();
        try (Stream<Path> files = Files.list(dir)) {
            int added = 0;
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                added += importFile(file);
            }
            log.info("Existing comments checked in {} ms: {} added", (System.nanoTime() - start) / 1_000_000, added);
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
            List<ImportedComment> list = read(bytes);
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

    /** A file's comments; strict: a file that is not UTF-8 is refused, not read with mangled text. */
    static List<ImportedComment> read(byte[] file) throws java.nio.charset.CharacterCodingException {
        return read(StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(file))
                .toString());
    }

    static List<ImportedComment> read(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof List<?> items)) {
            throw new IllegalArgumentException("expected a list of comments");
        }
        List<ImportedComment> comments = new ArrayList<>();
        int index = 0;
        for (Object item : items) {
            index++;
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("item " + index + " is not a comment (key: value lines)");
            }
            comments.add(new ImportedComment(
                    fits(required(map, "key", index), "key", 200, index),
                    fits(required(map, "post", index), "post", 200, index),
                    fits(optional(map, "parent"), "parent", 200, index),
                    fits(required(map, "author", index), "author", 100, index),
                    optional(map, "email") == null ? "" : fits(optional(map, "email"), "email", 254, index),
                    fits(optional(map, "url"), "url", 200, index),
                    fits(required(map, "text", index), "text", 20_000, index),
                    status(optional(map, "status"), index),
                    Boolean.parseBoolean(optional(map, "by_author")),
                    date(required(map, "date", index), index)));
        }
        return comments;
    }

    /** The value, if the store's column holds it (a longer one failed the start before). */
    private static String fits(String value, String key, int max, int index) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(
                    "item " + index + ": '" + key + "' is longer than " + max + " characters");
        }
        return value;
    }

    private static String required(Map<?, ?> map, String key, int index) {
        String value = optional(map, key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("item " + index + " has no '" + key + "'");
        }
        return value;
    }

    private static String optional(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value instanceof java.util.Date date) {
            return date.toInstant().toString();
        }
        return value == null ? null : value.toString();
    }

    private static CommentStatus status(String value, int index) {
        try {
            return value == null ? CommentStatus.APPROVED : CommentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("item " + index + " has an unknown status '" + value + "'");
        }
    }

    private static java.time.Instant date(String value, int index) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.Instant.parse(value);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("item " + index + " has a date that is not ISO 8601: " + value);
            }
        }
    }
}
