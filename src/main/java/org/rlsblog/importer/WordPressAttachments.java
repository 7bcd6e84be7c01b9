package org.rlsblog.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The uploaded files of an export, read in a first pass over it: a post may use a file whose
 * attachment item comes later in the file. Holds per attachment only a few short strings, and per
 * resized copy its original, so even thousands of files take little memory.
 */
final class WordPressAttachments {

    /** {@code s:4:"file";s:23:"calf-muscle-300x225.jpg"} and {@code original_image} in the PHP-serialized metadata. */
    private static final Pattern META_FILE = Pattern.compile("s:\\d+:\"(?:file|original_image)\";s:\\d+:\"([^\"]+)\"");

    private static final Pattern RESIZED = Pattern.compile("-\\d{1,5}x\\d{1,5}(?=\\.[A-Za-z0-9]{1,8}$)");

    /**
     * One uploaded file.
     *
     * @param file the path below {@code uploads/} ({@code 2023/03/calf-muscle.jpg}), as checked by {@link UploadPaths}
     */
    record Attachment(
            long id, long parent, String file, String alt, String caption, String link, String slug, String url) {}

    private final Map<Long, Attachment> byId = new HashMap<>();
    private final Map<String, Long> byOwnFile = new HashMap<>();
    /** Every name WordPress gave a file of an attachment (its copies, the unrotated upload) to the attachment's file. */
    private final Map<String, String> originals = new HashMap<>();

    /** Reads the attachments of {@code export}; every other item is passed over. */
    static WordPressAttachments read(Path export) throws IOException, WxrFormatException {
        WordPressAttachments attachments = new WordPressAttachments();
        try (InputStream in = Files.newInputStream(export)) {
            WxrReader.read(in, export.getFileName().toString(), (channel, item) -> {
                if (item.type().equals("attachment")) {
                    attachments.add(item);
                }
            });
        }
        return attachments;
    }

    void add(WxrItem item) {
        String file = UploadPaths.check(item.meta().getOrDefault("_wp_attached_file", ""));
        if (file == null) {
            file = UploadPaths.fromUrl(item.attachmentUrl());
        }
        if (file == null) {
            return;
        }
        long parent = parseLong(item.elements().getOrDefault("wp:post_parent", "0"));
        Attachment attachment = new Attachment(
                item.id(),
                parent,
                file,
                WordPressHtml.decodeEntities(
                        item.meta().getOrDefault("_wp_attachment_image_alt", "").strip()),
                WordPressHtml.toPlainText(item.excerpt()),
                item.link(),
                item.slug(),
                item.attachmentUrl());
        byId.put(item.id(), attachment);
        byOwnFile.put(file, item.id());
        String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        Matcher names = META_FILE.matcher(item.meta().getOrDefault("_wp_attachment_metadata", ""));
        while (names.find()) {
            String name = names.group(1);
            String path = UploadPaths.check(name.contains("/") ? name : folder + name);
            if (path != null && !path.equals(file)) {
                originals.putIfAbsent(path, file);
            }
        }
    }

    @Nullable
    Attachment byId(long id) {
        return byId.get(id);
    }

    /** The attachment a file below {@code uploads/} belongs to (as its own file or as one of its copies). */
    @Nullable
    Attachment byFile(String file) {
        Long id = byOwnFile.get(original(file));
        return id == null ? null : byId.get(id);
    }

    /**
     * The best original of a file: the attachment's own file for a copy WordPress made of it (for a
     * photo turned by its EXIF orientation, the turned one), else the name without WordPress's
     * {@code -300x200} when such a file is known, else the file itself.
     */
    String original(String file) {
        String known = originals.get(file);
        if (known != null) {
            return known;
        }
        Matcher resized = RESIZED.matcher(file);
        if (resized.find()) {
            String bare = resized.replaceFirst("");
            return originals.getOrDefault(bare, bare);
        }
        return file;
    }

    /** The same file without WordPress's size suffix, for when no attachment names it. */
    static @Nullable String unsized(String file) {
        Matcher resized = RESIZED.matcher(file);
        return resized.find() ? resized.replaceFirst("") : null;
    }

    /** The files uploaded to one post, in the order WordPress gave them ids. */
    List<Attachment> childrenOf(long parent) {
        return byId.values().stream()
                .filter(a -> a.parent() == parent)
                .sorted(Comparator.comparingLong(Attachment::id))
                .toList();
    }

    int size() {
        return byId.size();
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
