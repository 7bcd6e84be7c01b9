package org.rlsblog.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.rlsblog.content.ContentProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export: posts and pages become Markdown files in {@code content/}, comments
 * go into the comment store with their threads. Nothing is written half-way: the whole export is
 * read and converted first (files into a staging folder next to {@code posts/}), and only when that
 * worked are the files moved into place and the comments stored. Running it again changes nothing;
 * a file the author edited since the import is kept unless {@code overwrite} is asked for.
 */
@Component
class WordPressImporter {

    /** WordPress's own types that are no content of a blog; skipped with a reason. */
    private static final Map<String, String> INTERNAL_TYPES = Map.ofEntries(
            Map.entry("nav_menu_item", "a menu entry"),
            Map.entry("revision", "an old revision"),
            Map.entry("wp_block", "a reusable block"),
            Map.entry("wp_template", "a theme template"),
            Map.entry("wp_template_part", "a theme template part"),
            Map.entry("wp_global_styles", "theme styles"),
            Map.entry("wp_navigation", "a navigation menu"),
            Map.entry("wp_font_family", "a font"),
            Map.entry("wp_font_face", "a font"),
            Map.entry("custom_css", "custom CSS of a theme"),
            Map.entry("customize_changeset", "a customizer change set"),
            Map.entry("oembed_cache", "an embed cache entry"),
            Map.entry("user_request", "a privacy request"));

    private static final int MAX_COMMENT_LENGTH = 20_000;
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ContentProperties content;
    private final CommentService comments;
    private final TransactionTemplate transactions;

    WordPressImporter(ContentProperties content, CommentService comments, PlatformTransactionManager transactions) {
        this.content = content;
        this.comments = comments;
        this.transactions = new TransactionTemplate(transactions);
    }

    record Options(boolean dryRun, boolean overwrite) {}

    /** A file ready to be moved into place once the whole export has been read. */
    private record Staged(Path staged, Path target) {}

    ImportReport importFile(Path export, Options options) throws IOException, WxrFormatException {
        if (!Files.isRegularFile(export)) {
            throw new WxrFormatException(export + ": no such file");
        }
        Path contentDir = content.contentDir();
        ImportReport report = new ImportReport(options.dryRun());
        Path staging = null;
        try {
            if (!options.dryRun()) {
                Files.createDirectories(contentDir);
                staging = Files.createTempDirectory(contentDir, ".wp-import-");
            }
            Run run = new Run(contentDir, staging, options, report);
            try (InputStream in = Files.newInputStream(export)) {
                WxrReader.read(in, export.getFileName().toString(), run::item);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (!options.dryRun()) {
                // comments in one transaction, so that a failing insert stores none of them
                Integer added = transactions.execute(tx -> comments.importComments(run.comments));
                report.commentsAdded(added == null ? 0 : added);
                for (Staged file : run.staged) {
                    Files.createDirectories(file.target().getParent());
                    move(file.staged(), file.target());
                }
            }
            return report;
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    /** The state of one import while the export is read. */
    private final class Run {

        final Path contentDir;
        final @Nullable Path staging;
        final Options options;
        final ImportReport report;
        final List<Staged> staged = new ArrayList<>();
        final List<ImportedComment> comments = new ArrayList<>();
        final Set<String> usedTargets = new HashSet<>();

        Run(Path contentDir, @Nullable Path staging, Options options, ImportReport report) {
            this.contentDir = contentDir;
            this.staging = staging;
            this.options = options;
            this.report = report;
        }

        void item(WxrReader.Channel channel, WxrItem item) throws WxrFormatException {
            String what = item.type() + " " + item.id() + " '" + WordPressHtml.decodeEntities(item.title()) + "'";
            switch (item.type()) {
                case "post", "page" -> {
                    try {
                        contentItem(channel, item, what);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                case "attachment" -> {
                    String url = item.attachmentUrl().isEmpty() ? item.link() : item.attachmentUrl();
                    report.skipped(what, "an uploaded file (" + url + "); copy it by hand");
                    report.upload(url);
                    skipComments(item, "comments on an uploaded file");
                }
                default -> {
                    String internal = INTERNAL_TYPES.get(item.type());
                    if (internal == null) {
                        throw new WxrFormatException(item.where() + ": unknown post type '" + item.type()
                                + "' (this importer knows post, page and attachment)");
                    }
                    report.skipped(what, internal + ", not blog content");
                    skipComments(item, "comments on " + internal);
                }
            }
        }

        private void contentItem(WxrReader.Channel channel, WxrItem item, String what)
                throws IOException, WxrFormatException {
            boolean draft;
            switch (item.status()) {
                case "publish", "future" -> draft = false;
                case "draft", "pending" -> draft = true;
                case "private" -> {
                    draft = true;
                    report.skipped(what + " (imported as a draft)", "private on the old site");
                }
                case "auto-draft", "trash", "inherit" -> {
                    report.skipped(what, "status '" + item.status() + "'");
                    skipComments(item, "comments on a skipped " + item.type());
                    return;
                }
                default ->
                    throw new WxrFormatException(
                            item.where() + ": unknown status '" + item.status() + "' of a " + item.type());
            }
            if (!item.password().isEmpty() && !draft) {
                draft = true;
                report.skipped(what + " (imported as a draft)", "password-protected on the old site");
            }
            boolean page = item.type().equals("page");
            String slug = slug(item);
            String dir = page ? "pages" : "posts";
            String relative = dir + "/" + slug + ".md";
            if (!usedTargets.add(relative)) {
                slug = slug + "-" + item.id();
                relative = dir + "/" + slug + ".md";
                usedTargets.add(relative);
                report.skipped(what + " (imported as " + relative + ")", "its slug is taken by another item");
            }
            String text = ImportedFile.render(
                    item.type(), item.id(), frontMatter(channel, item, slug, draft, page, what), body(channel, item));
            Path target = contentDir.resolve(relative);
            ImportReport.Outcome outcome = outcome(target, text);
            report.file(item.type(), item.id(), relative, draft, outcome);
            if (outcome.writes() && staging != null) {
                Path file = staging.resolve(relative);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                staged.add(new Staged(file, target));
            }
            if (page) {
                skipComments(item, "comments on a page (pages here have none)");
            } else {
                comments(channel, item, slug);
            }
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
                case EDITED -> options.overwrite() ? ImportReport.Outcome.OVERWRITTEN : ImportReport.Outcome.KEPT_EDIT;
                case FOREIGN ->
                    options.overwrite() ? ImportReport.Outcome.OVERWRITTEN : ImportReport.Outcome.KEPT_FOREIGN;
            };
        }

        private List<ImportedFile.Field> frontMatter(
                WxrReader.Channel channel, WxrItem item, String slug, boolean draft, boolean page, String what)
                throws WxrFormatException {
            List<ImportedFile.Field> fields = new ArrayList<>();
            fields.add(new ImportedFile.Field("title", ImportedFile.quote(title(item))));
            OffsetDateTime published = date(item.date(), item.dateGmt());
            LocalDateTime local = parse(item.date());
            if (local == null) {
                local = parse(item.modified());
            }
            if (local == null) {
                throw new WxrFormatException(item.where() + ": no valid <wp:post_date> ('" + item.date() + "')");
            }
            fields.add(new ImportedFile.Field(
                    "date",
                    published != null
                            ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(published)
                            : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local)));
            OffsetDateTime modified = date(item.modified(), item.modifiedGmt());
            if (modified != null && published != null && modified.isAfter(published.plusMinutes(1))) {
                fields.add(new ImportedFile.Field("updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(modified)));
            }
            fields.add(new ImportedFile.Field("slug", slug));
            String excerpt = WordPressHtml.toPlainText(item.excerpt()).replaceAll("\\s+", " ");
            if (!excerpt.isBlank()) {
                fields.add(new ImportedFile.Field("summary", ImportedFile.quote(excerpt)));
            }
            if (!page) {
                List<String> tags = tags(item);
                if (!tags.isEmpty()) {
                    fields.add(new ImportedFile.Field("tags", ImportedFile.list(tags)));
                }
            }
            if (draft) {
                fields.add(new ImportedFile.Field("draft", "true"));
            }
            String alias = alias(channel, item, page ? "/" + slug : "/posts/" + slug);
            if (alias != null) {
                fields.add(new ImportedFile.Field("aliases", ImportedFile.list(List.of(alias))));
            }
            String lang = channel.language().toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (!lang.isEmpty() && !lang.equals("en") && lang.matches("[a-z]{2,3}")) {
                fields.add(new ImportedFile.Field("lang", lang));
            }
            if (!page) {
                String author = channel.authorNames().get(item.creator());
                if (author != null) {
                    fields.add(new ImportedFile.Field("author", ImportedFile.quote(author)));
                }
                if (item.commentStatus().equals("closed")) {
                    fields.add(new ImportedFile.Field("comments", "closed"));
                }
            }
            return fields;
        }

        private String body(WxrReader.Channel channel, WxrItem item) {
            WordPressHtml.Converted converted = WordPressHtml.toMarkdown(item.content(), channel.siteUrl());
            converted.uploads().forEach(report::upload);
            return converted.markdown();
        }

        private void comments(WxrReader.Channel channel, WxrItem item, String slug) throws WxrFormatException {
            Map<Long, WxrItem.Comment> byId = new LinkedHashMap<>();
            item.comments().forEach(c -> byId.put(c.id(), c));
            Map<Long, String> keys = new HashMap<>();
            Set<Long> leftOut = new HashSet<>();
            Set<Long> done = new LinkedHashSet<>();
            List<WxrItem.Comment> pending = new ArrayList<>(item.comments());
            pending.sort(Comparator.comparingLong(WxrItem.Comment::id));
            // parents before replies, whatever order the file has them in
            while (!pending.isEmpty()) {
                boolean progress = false;
                for (var it = pending.iterator(); it.hasNext(); ) {
                    WxrItem.Comment c = it.next();
                    if (c.parent() != 0 && byId.containsKey(c.parent()) && !done.contains(c.parent())) {
                        continue;
                    }
                    it.remove();
                    done.add(c.id());
                    progress = true;
                    comment(channel, item, slug, c, byId, keys, leftOut);
                }
                if (!progress) {
                    throw new WxrFormatException(item.where() + ": the comments' parents form a loop (comment "
                            + pending.get(0).id() + ")");
                }
            }
        }

        private void comment(
                WxrReader.Channel channel,
                WxrItem item,
                String slug,
                WxrItem.Comment c,
                Map<Long, WxrItem.Comment> byId,
                Map<Long, String> keys,
                Set<Long> leftOut)
                throws WxrFormatException {
            String what = "comment " + c.id() + " on " + item.type() + " " + item.id();
            String type = c.type();
            if (!type.isEmpty() && !type.equals("comment")) {
                report.skipped(what, "a " + type + ", not a reader's comment");
                leftOut.add(c.id());
                return;
            }
            CommentStatus status;
            switch (c.approved()) {
                case "1", "approve" -> status = CommentStatus.APPROVED;
                case "0", "hold" -> status = CommentStatus.PENDING;
                case "spam" -> status = CommentStatus.SPAM;
                case "trash", "post-trashed" -> {
                    report.skipped(what, "in the trash");
                    leftOut.add(c.id());
                    return;
                }
                default ->
                    throw new WxrFormatException(item.where() + ", comment " + c.id() + " (line " + c.line()
                            + "): unknown <wp:comment_approved> '" + c.approved() + "'");
            }
            String body = WordPressHtml.toPlainText(c.content());
            if (body.isBlank() || body.length() > MAX_COMMENT_LENGTH) {
                report.skipped(what, body.isBlank() ? "no text" : "longer than " + MAX_COMMENT_LENGTH + " characters");
                leftOut.add(c.id());
                return;
            }
            OffsetDateTime date = date(c.date(), c.dateGmt());
            Instant created;
            if (date != null) {
                created = date.toInstant();
            } else {
                LocalDateTime local = parse(c.date());
                if (local == null) {
                    throw new WxrFormatException(item.where() + ", comment " + c.id() + " (line " + c.line()
                            + "): no valid <wp:comment_date> ('" + c.date() + "')");
                }
                created = local.atZone(content.timeZone()).toInstant();
            }
            // a reply to a comment left out hangs under the nearest ancestor that is imported
            long parent = c.parent();
            while (parent != 0 && leftOut.contains(parent) && byId.containsKey(parent)) {
                parent = byId.get(parent).parent();
            }
            String parentKey = parent == 0 ? null : keys.get(parent);
            String key = "wp:" + item.id() + ":" + c.id();
            keys.put(c.id(), key);
            String name = WordPressHtml.decodeEntities(c.author()).strip();
            // the store's column sizes: a name is cut, an address that does not fit is left out
            String url =
                    c.url().isEmpty() || c.url().equals("http://") || c.url().length() > 200 ? null : c.url();
            String email = c.email().length() > 254 ? "" : c.email();
            name = name.length() > 100 ? name.substring(0, 100) : name;
            boolean byAuthor = !c.userId().isEmpty()
                    && !c.userId().equals("0")
                    && channel.authorIds().contains(c.userId());
            comments.add(new ImportedComment(
                    key,
                    slug,
                    parentKey,
                    name.isBlank() ? "Anonymous" : name,
                    email,
                    url,
                    body,
                    status,
                    byAuthor,
                    created));
            report.comment(status);
        }

        private void skipComments(WxrItem item, String why) {
            for (WxrItem.Comment c : item.comments()) {
                report.skipped("comment " + c.id() + " on " + item.type() + " " + item.id(), why);
            }
        }
    }

    // ---- Values ----

    private static String title(WxrItem item) {
        String title = WordPressHtml.decodeEntities(item.title()).strip();
        return title.isEmpty() ? "Untitled (" + item.type() + " " + item.id() + ")" : title;
    }

    /** The item's slug; a draft has none yet, so one is made from the title as WordPress would. */
    static String slug(WxrItem item) {
        String slug = slugOf(java.net.URLDecoder.decode(item.slug(), StandardCharsets.UTF_8));
        if (slug.isEmpty()) {
            slug = slugOf(WordPressHtml.decodeEntities(item.title()));
        }
        return slug.isEmpty() ? item.type() + "-" + item.id() : slug;
    }

    static String slugOf(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 200 ? slug.substring(0, 200).replaceAll("-+$", "") : slug;
    }

    /** Tags, then categories as tags (the default "Uncategorized" left out), each once. */
    private static List<String> tags(WxrItem item) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String domain : List.of("post_tag", "category")) {
            for (WxrItem.Term term : item.terms()) {
                if (term.domain().equals(domain)
                        && !term.name().isBlank()
                        && !(domain.equals("category") && term.nicename().equals("uncategorized"))) {
                    tags.putIfAbsent(term.name().toLowerCase(Locale.ROOT), term.name());
                }
            }
        }
        return List.copyOf(tags.values());
    }

    /** The old permalink's path, when the item had a pretty one that differs from its new address. */
    private static @Nullable String alias(WxrReader.Channel channel, WxrItem item, String newUrl) {
        if (!item.status().equals("publish")
                || item.link().isEmpty()
                || item.link().contains("?")) {
            return null;
        }
        String path;
        try {
            path = URI.create(item.link()).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null || path.isEmpty() || path.equals("/") || path.contains("..") || path.startsWith("//")) {
            return null;
        }
        String normalized = path.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        return normalized.equals(newUrl) ? null : path;
    }

    /** A WordPress local date with the offset its GMT twin gives, or null when either is missing. */
    private static @Nullable OffsetDateTime date(String local, String gmt) {
        LocalDateTime l = parse(local);
        LocalDateTime g = parse(gmt);
        if (l == null || g == null) {
            return null;
        }
        long seconds = Duration.between(g, l).getSeconds();
        if (Math.abs(seconds) > 18 * 3600) {
            return null;
        }
        return OffsetDateTime.of(l, ZoneOffset.ofTotalSeconds((int) seconds));
    }

    private static @Nullable LocalDateTime parse(String value) {
        if (value.isEmpty() || value.startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, WP_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- Files ----

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
