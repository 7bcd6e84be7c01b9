package org.rlsblog.content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads one content file into a {@link Post} or {@link Page}: front matter rules, defaults, and
 * the Markdown rendered once. Anything that stops the file from being published is a
 * {@link ContentFileException} naming the line; an unknown key is only a warning.
 */
@Component
class ContentFileReader {

    static final Set<String> POST_KEYS = Set.of(
            "title",
            "date",
            "updated",
            "slug",
            "summary",
            "tags",
            "draft",
            "aliases",
            "lang",
            "author",
            "image",
            "image_alt",
            "reviewed",
            "reviewed_by",
            "comments",
            "toc",
            "about");
    static final Set<String> PAGE_KEYS =
            Set.of("title", "date", "updated", "slug", "summary", "draft", "aliases", "lang", "toc");
    private static final int SUMMARY_LIMIT = 300;
    private static final Logger log = LoggerFactory.getLogger(ContentFileReader.class);

    private final FrontMatterParser frontMatterParser;
    private final MarkdownRenderer markdown;
    private final RenderCache renders;
    private final ContentProperties properties;

    ContentFileReader(
            FrontMatterParser frontMatterParser,
            MarkdownRenderer markdown,
            RenderCache renders,
            ContentProperties properties) {
        this.frontMatterParser = frontMatterParser;
        this.markdown = markdown;
        this.renders = renders;
        this.properties = properties;
    }

    /** A file read: the post or page (null when it is a draft), and warnings that did not stop it. */
    record Result<T>(@Nullable T item, List<String> warnings) {}

    Result<Post> readPost(Path file, String text) throws ContentFileException {
        FrontMatter fm = frontMatterParser.parse(text);
        List<String> warnings = unknownKeys(fm, POST_KEYS);
        String title = requiredText(fm, "title");
        ZonedDateTime date = dateTime(fm, "date", true);
        if (bool(fm, "draft")) {
            return new Result<>(null, warnings);
        }
        String slug = slug(fm, file);
        Locale lang = lang(fm);
        Post post = new Post(
                slug,
                title,
                date,
                dateTime(fm, "updated", false),
                tags(fm),
                aliases(fm),
                lang,
                text(fm, "author"),
                text(fm, "image"),
                text(fm, "image_alt"),
                localDate(fm, "reviewed"),
                text(fm, "reviewed_by"),
                commentMode(fm),
                list(fm, "about"),
                body(file, fm, lang),
                file);
        if (post.image() != null && post.imageAlt() == null) {
            warnings.add("'image' has no 'image_alt': describe the image for readers who cannot see it");
        }
        return new Result<>(post, warnings);
    }

    Result<Page> readPage(Path file, String text) throws ContentFileException {
        FrontMatter fm = frontMatterParser.parse(text);
        List<String> warnings = unknownKeys(fm, PAGE_KEYS);
        String title = requiredText(fm, "title");
        if (bool(fm, "draft")) {
            return new Result<>(null, warnings);
        }
        MarkdownRenderer.RenderedMarkdown rendered = render(fm, lang(fm));
        ZonedDateTime updated = dateTime(fm, "updated", false);
        if (updated == null) {
            updated = dateTime(fm, "date", false);
        }
        Page page = new Page(
                slug(fm, file),
                title,
                summary(fm, rendered),
                aliases(fm),
                lang(fm),
                updated,
                rendered.html().toString(),
                rendered.toc(),
                showToc(tocMode(fm), rendered),
                file);
        return new Result<>(page, warnings);
    }

    /**
     * The post's body: read now when an earlier start kept its rendering, otherwise rendered when
     * first asked for. The front matter that decides it ({@code summary}, {@code toc}) is checked now.
     */
    private PostBody body(Path file, FrontMatter fm, Locale lang) throws ContentFileException {
        String givenSummary = text(fm, "summary");
        String tocMode = tocMode(fm);
        String referencesTitle = referencesTitle(lang);
        MarkdownRenderer.RenderedMarkdown kept = renders.kept(fm.body(), referencesTitle);
        if (kept != null) {
            return PostBody.of(rendered(kept, givenSummary, tocMode, null));
        }
        renders.leftForLater();
        // kept as UTF-8 until rendered: a string with one curly quote in it takes two bytes a character
        byte[] utf8 = fm.body().getBytes(StandardCharsets.UTF_8);
        int bodyLine = fm.bodyLine();
        return PostBody.later(() -> {
            String text = new String(utf8, StandardCharsets.UTF_8);
            try {
                return rendered(
                        renders.make(text, referencesTitle, () -> markdown.render(text, referencesTitle)),
                        givenSummary,
                        tocMode,
                        null);
            } catch (StackOverflowError | RuntimeException e) {
                String problem = "line " + bodyLine + ": the Markdown could not be rendered ("
                        + (e instanceof StackOverflowError ? "nested too deeply" : e.toString()) + ")";
                log.error("Content file {}: {}; it is shown as plain text", file, problem);
                MarkdownRenderer.RenderedMarkdown plain = new MarkdownRenderer.RenderedMarkdown(
                        Html.of("<pre class=\"unrendered\">" + HtmlUtils.htmlEscape(text) + "</pre>"),
                        List.of(),
                        "",
                        MarkdownRenderer.countWords(text),
                        List.of());
                return rendered(plain, givenSummary, "off", problem);
            }
        });
    }

    private PostBody.Rendered rendered(
            MarkdownRenderer.RenderedMarkdown rendered,
            @Nullable String givenSummary,
            String tocMode,
            @Nullable String problem) {
        return new PostBody.Rendered(
                rendered.html(),
                rendered.toc(),
                showToc(tocMode, rendered),
                rendered.citations(),
                rendered.words(),
                Math.max(1, (rendered.words() + properties.wordsPerMinute() - 1) / properties.wordsPerMinute()),
                givenSummary != null ? givenSummary : summaryOf(rendered.firstParagraph()),
                problem);
    }

    private static String referencesTitle(Locale lang) {
        return lang.getLanguage().equals("nl") ? "Bronnen" : "References";
    }

    private MarkdownRenderer.RenderedMarkdown render(FrontMatter fm, Locale lang) throws ContentFileException {
        try {
            String referencesTitle = referencesTitle(lang);
            return renders.render(fm.body(), referencesTitle, () -> markdown.render(fm.body(), referencesTitle));
        } catch (StackOverflowError e) {
            throw new ContentFileException(
                    fm.bodyLine(), "the Markdown is nested too deeply to render (StackOverflowError)");
        } catch (RuntimeException e) {
            throw new ContentFileException(fm.bodyLine(), "the Markdown could not be rendered: " + e);
        }
    }

    private static List<String> unknownKeys(FrontMatter fm, Set<String> known) {
        List<String> warnings = new ArrayList<>();
        fm.values().forEach((key, value) -> {
            if (!known.contains(key)) {
                warnings.add("line " + value.line() + ": unknown front matter key '" + key + "' is ignored");
            }
        });
        return warnings;
    }

    private static String requiredText(FrontMatter fm, String key) throws ContentFileException {
        String value = text(fm, key);
        if (value == null) {
            FrontMatter.Value raw = fm.get(key);
            throw new ContentFileException(raw == null ? 1 : raw.line(), "'" + key + "' is required");
        }
        return value;
    }

    private static @Nullable String text(FrontMatter fm, String key) throws ContentFileException {
        FrontMatter.Value value = fm.get(key);
        if (value == null) {
            return null;
        }
        if (value.text() == null) {
            throw new ContentFileException(value.line(), "'" + key + "' must be a single value, not a list");
        }
        String text = value.text().strip();
        return text.isEmpty() ? null : text;
    }

    private static List<String> list(FrontMatter fm, String key) {
        FrontMatter.Value value = fm.get(key);
        if (value == null) {
            return List.of();
        }
        if (value.list() != null) {
            return value.list().stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        String text = value.text() == null ? "" : value.text();
        return java.util.Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static boolean bool(FrontMatter fm, String key) throws ContentFileException {
        String value = text(fm, key);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default ->
                throw new ContentFileException(
                        fm.get(key).line(), "'" + key + "' must be true or false, not '" + value + "'");
        };
    }

    private @Nullable ZonedDateTime dateTime(FrontMatter fm, String key, boolean required) throws ContentFileException {
        String value = required ? requiredText(fm, key) : text(fm, key);
        if (value == null) {
            return null;
        }
        ZoneId zone = properties.timeZone();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone);
            }
            String iso = value.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(iso).atZone(zone);
            }
        } catch (DateTimeException e) {
            throw new ContentFileException(
                    fm.get(key).line(),
                    "'" + key + "' must be an ISO date (2024-05-01) or date-time (2024-05-01T09:30:00+02:00), not '"
                            + value + "'");
        }
    }

    private static @Nullable LocalDate localDate(FrontMatter fm, String key) throws ContentFileException {
        String value = text(fm, key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeException e) {
            throw new ContentFileException(
                    fm.get(key).line(), "'" + key + "' must be an ISO date (2024-05-01), not '" + value + "'");
        }
    }

    private static String slug(FrontMatter fm, Path file) throws ContentFileException {
        String given = text(fm, "slug");
        String slug =
                given != null ? given : Slugs.ofFileName(file.getFileName().toString());
        if (!Slugs.isValid(slug)) {
            int line = given != null ? fm.get("slug").line() : 1;
            throw new ContentFileException(
                    line,
                    "slug '" + slug + "' must be lowercase letters, digits and single hyphens"
                            + (given == null ? " (it comes from the file name; set 'slug:' to choose one)" : ""));
        }
        return slug;
    }

    private static String summary(FrontMatter fm, MarkdownRenderer.RenderedMarkdown rendered)
            throws ContentFileException {
        String given = text(fm, "summary");
        return given != null ? given : summaryOf(rendered.firstParagraph());
    }

    private static String summaryOf(String first) {
        if (first.length() <= SUMMARY_LIMIT) {
            return first;
        }
        int cut = first.lastIndexOf(' ', SUMMARY_LIMIT);
        return first.substring(0, cut > 0 ? cut : SUMMARY_LIMIT) + "…";
    }

    private static List<Tag> tags(FrontMatter fm) throws ContentFileException {
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (String name : list(fm, "tags")) {
            String slug = Slugs.of(name);
            if (slug.isEmpty()) {
                throw new ContentFileException(fm.get("tags").line(), "tag '" + name + "' has no letters or digits");
            }
            tags.putIfAbsent(slug, new Tag(slug, name));
        }
        return List.copyOf(tags.values());
    }

    private static List<String> aliases(FrontMatter fm) throws ContentFileException {
        List<String> aliases = new ArrayList<>();
        for (String alias : list(fm, "aliases")) {
            if (!alias.startsWith("/") || alias.startsWith("//") || alias.contains("..") || alias.contains("\\")) {
                throw new ContentFileException(
                        fm.get("aliases").line(),
                        "alias '" + alias + "' must be a path on this site, starting with '/'");
            }
            aliases.add(alias);
        }
        return aliases;
    }

    private static Locale lang(FrontMatter fm) throws ContentFileException {
        String value = text(fm, "lang");
        if (value == null) {
            return Locale.ENGLISH;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw new ContentFileException(
                    fm.get("lang").line(), "'lang' must be a language tag such as en or nl, not '" + value + "'");
        }
    }

    private static CommentMode commentMode(FrontMatter fm) throws ContentFileException {
        String value = text(fm, "comments");
        if (value == null) {
            return CommentMode.OPEN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "open", "true" -> CommentMode.OPEN;
            case "closed", "false" -> CommentMode.CLOSED;
            case "hidden" -> CommentMode.HIDDEN;
            default ->
                throw new ContentFileException(
                        fm.get("comments").line(), "'comments' must be open, closed or hidden, not '" + value + "'");
        };
    }

    private boolean showToc(String tocMode, MarkdownRenderer.RenderedMarkdown rendered) {
        return switch (tocMode) {
            case "auto" -> rendered.toc().size() >= properties.tocMinHeadings();
            case "on" -> !rendered.toc().isEmpty();
            default -> false;
        };
    }

    /** The front matter's {@code toc}: auto, on or off. */
    private static String tocMode(FrontMatter fm) throws ContentFileException {
        String value = text(fm, "toc");
        String mode = value == null ? "auto" : value.toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "auto" -> "auto";
            case "on", "true" -> "on";
            case "off", "false" -> "off";
            default ->
                throw new ContentFileException(
                        fm.get("toc").line(), "'toc' must be auto, on or off, not '" + value + "'");
        };
    }
}
