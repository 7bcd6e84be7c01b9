package org.rlsblog.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one {@code content/comments/*.yml}: a YAML list of comments, each a map with {@code key},
 * {@code post}, {@code author}, {@code date} and {@code text}. A value the store could not hold
 * refuses the whole file, with a message naming the item and the field.
 */
final class ExistingCommentsFile {

    private ExistingCommentsFile() {}

    /** Whether the file is one of the comments files, by its name. */
    static boolean isCommentsFile(Path file) {
        return file.toString().endsWith(".yml") || file.toString().endsWith(".yaml");
    }

    /** A file's comments; strict: a file that is not UTF-8 is refused, not read with mangled text. */
    static List<ImportedComment> read(byte[] file) throws CharacterCodingException {
        return read(StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(file))
                .toString());
    }

    /**
     * @throws YAMLException when the text is not YAML
     * @throws IllegalArgumentException when it is not a list of comments the store can hold
     */
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
            Entry entry = new Entry(map, index);
            comments.add(ImportedComment.builder()
                    .importKey(entry.required("key", CommentColumns.IMPORT_KEY))
                    .postSlug(entry.required("post", CommentColumns.POST_SLUG))
                    .parentImportKey(entry.optional("parent", CommentColumns.PARENT_KEY))
                    .author(new Author(
                            entry.required("author", CommentColumns.AUTHOR_NAME),
                            Objects.requireNonNullElse(entry.optional("email", CommentColumns.AUTHOR_EMAIL), ""),
                            entry.optional("url", CommentColumns.AUTHOR_URL)))
                    .body(entry.required("text", CommentColumns.BODY))
                    .status(entry.status())
                    .byAuthor(Boolean.parseBoolean(entry.optional("by_author")))
                    .createdAt(entry.date())
                    .build());
        }
        return comments;
    }

    /** One comment of the file; {@code index} counts from 1, as the messages name it. */
    private record Entry(Map<?, ?> map, int index) {

        String required(String key, int max) {
            String value = optional(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("item " + index + " has no '" + key + "'");
            }
            return fits(key, value, max);
        }

        @Nullable
        String optional(String key, int max) {
            String value = optional(key);
            return value == null ? null : fits(key, value, max);
        }

        @Nullable
        String optional(String key) {
            Object value = map.get(key);
            if (value instanceof Date date) {
                return date.toInstant().toString();
            }
            return value == null ? null : value.toString();
        }

        /** The value, if the store's column holds it (a longer one failed the start before). */
        private String fits(String key, String value, int max) {
            if (value.length() > max) {
                throw new IllegalArgumentException(
                        "item " + index + ": '" + key + "' is longer than " + max + " characters");
            }
            return value;
        }

        CommentStatus status() {
            String value = optional("status");
            try {
                return value == null ? CommentStatus.APPROVED : CommentStatus.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("item " + index + " has an unknown status '" + value + "'");
            }
        }

        Instant date() {
            String value = required("date");
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException again) {
                    throw new IllegalArgumentException("item " + index + " has a date that is not ISO 8601: " + value);
                }
            }
        }

        private String required(String key) {
            return required(key, Integer.MAX_VALUE);
        }
    }
}
