package org.rlsblog.content;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads one content file into a {@link Post} or {@link Page}: which keys each takes and their
 * defaults. Anything that stops the file from being published is a {@link ContentFileException}
 * naming the line; an unknown key is only a warning. The keys are checked in a fixed order, so
 * that a file with several mistakes always reports the same one first.
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

    private static final Map<String, CommentMode> COMMENT_MODES = Map.of(
            "open", CommentMode.OPEN,
            "true", CommentMode.OPEN,
            "closed", CommentMode.CLOSED,
            "false", CommentMode.CLOSED,
            "hidden", CommentMode.HIDDEN);

    private final FrontMatterParser frontMatterParser;
    private final BodyRenderer bodies;
    private final ContentProperties properties;

    ContentFileReader(FrontMatterParser frontMatterParser, BodyRenderer bodies, ContentProperties properties) {
        this.frontMatterParser = frontMatterParser;
        this.bodies = bodies;
        this.properties = properties;
    }

    /** A file read: the post or page (null when it is a draft), and warnings that did not stop it. */
    record Result<T>(@Nullable T item, List<String> warnings) {}

    Result<Post> readPost(Path file, String text) throws ContentFileException {
        FrontMatter frontMatter = frontMatterParser.parse(text);
        FrontMatterFields fields = new FrontMatterFields(frontMatter, properties.timeZone());
        List<String> warnings = fields.unknownKeys(POST_KEYS);
        String title = fields.requiredText("title");
        ZonedDateTime date = fields.requiredDateTime("date");
        if (fields.bool("draft")) {
            return new Result<>(null, warnings);
        }
        String slug = AddressFields.slug(fields, file);
        Locale lang = fields.lang();
        String image = fields.text("image");
        BodyRenderer.Place place = new BodyRenderer.Place(file, "/posts/" + slug, image, fields.line("image"));
        Post post = Post.builder()
                .slug(slug)
                .title(title)
                .published(date)
                .updated(fields.dateTime("updated"))
                .tags(AddressFields.tags(fields))
                .aliases(AddressFields.aliases(fields))
                .lang(lang)
                .author(fields.text("author"))
                .image(image, fields.text("image_alt"))
                .reviewed(fields.localDate("reviewed"), fields.text("reviewed_by"))
                .comments(fields.choice("comments", CommentMode.OPEN, COMMENT_MODES, "open, closed or hidden"))
                .about(fields.list("about"))
                .body(bodies.postBody(place, frontMatter, lang, fields.text("summary"), tocMode(fields)))
                .source(file)
                .build();
        if (post.image() != null && post.imageAlt() == null) {
            warnings.add("'image' has no 'image_alt': describe the image for readers who cannot see it");
        }
        return new Result<>(post, warnings);
    }

    Result<Page> readPage(Path file, String text) throws ContentFileException {
        FrontMatter frontMatter = frontMatterParser.parse(text);
        FrontMatterFields fields = new FrontMatterFields(frontMatter, properties.timeZone());
        List<String> warnings = fields.unknownKeys(PAGE_KEYS);
        String title = fields.requiredText("title");
        if (fields.bool("draft")) {
            return new Result<>(null, warnings);
        }
        String slug = AddressFields.slug(fields, file);
        RenderedMarkdown rendered = bodies.pageBody(
                new BodyRenderer.Place(file, "/" + slug, null, 0), frontMatter, fields.lang(), warnings);
        ZonedDateTime updated = fields.dateTime("updated");
        if (updated == null) {
            updated = fields.dateTime("date");
        }
        Page page = Page.builder()
                .slug(slug)
                .title(title)
                .summary(BodyRenderer.summary(fields.text("summary"), rendered))
                .aliases(AddressFields.aliases(fields))
                .lang(fields.lang())
                .updated(updated)
                .body(rendered.html().toString(), rendered.toc(), bodies.showToc(tocMode(fields), rendered))
                .source(file)
                .build();
        return new Result<>(page, warnings);
    }

    private static TocMode tocMode(FrontMatterFields fields) throws ContentFileException {
        return fields.choice("toc", TocMode.AUTO, TocMode.CHOICES, "auto, on or off");
    }
}
