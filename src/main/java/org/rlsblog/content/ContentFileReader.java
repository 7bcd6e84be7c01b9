package org.rlsblog.content;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
            "about",
            "wordpress_id",
            "wordpress_attachments",
            "newsletter",
            "review_every");
    static final Set<String> PAGE_KEYS = Set.of(
            "title",
            "date",
            "updated",
            "slug",
            "summary",
            "draft",
            "aliases",
            "lang",
            "toc",
            "wordpress_id",
            "wordpress_attachments");

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

    /**
     * A file read: the post or page, whether it is a draft (shown only by its preview link), warnings
     * that did not stop it, and the lines of the keys that rules across files may fault.
     */
    record Result<T>(T item, boolean draft, List<Warning> warnings, Map<String, Integer> keyLines) {

        Result {
            warnings = List.copyOf(warnings);
            keyLines = Map.copyOf(keyLines);
        }
    }

    /** Something the author should fix that did not keep the file from the site. */
    record Warning(int line, String message) {

        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    Result<Post> readPost(Path file, String text) throws ContentFileException {
        FrontMatter frontMatter = frontMatterParser.parse(text);
        FrontMatterFields fields = new FrontMatterFields(frontMatter, properties.timeZone());
        List<Warning> warnings = fields.unknownKeys(POST_KEYS);
        String title = fields.requiredText("title");
        ZonedDateTime date = fields.requiredDateTime("date");
        boolean draft = fields.bool("draft");
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
                .aliases(AddressFields.addresses(fields))
                .lang(lang)
                .author(fields.text("author"))
                .image(image, fields.text("image_alt"))
                .reviewed(fields.localDate("reviewed"), fields.text("reviewed_by"))
                .comments(fields.choice("comments", CommentMode.OPEN, COMMENT_MODES, "open, closed or hidden"))
                .about(fields.list("about"))
                .newsletter(fields.bool("newsletter", true))
                .reviewEvery(ReviewIntervals.parse(fields, "review_every"))
                .body(bodies.postBody(place, frontMatter, lang, fields.text("summary"), tocMode(fields)))
                .source(file)
                .build();
        if (post.image() != null && post.imageAlt() == null) {
            warnings.add(new Warning(
                    fields.line("image"),
                    "'image' has no 'image_alt': describe the image for readers who cannot see it"));
        }
        warnings.addAll(ImagesWithoutAlt.find(frontMatter));
        return new Result<>(post, draft, warnings, keyLines(fields));
    }

    Result<Page> readPage(Path file, String text) throws ContentFileException {
        FrontMatter frontMatter = frontMatterParser.parse(text);
        FrontMatterFields fields = new FrontMatterFields(frontMatter, properties.timeZone());
        List<Warning> warnings = fields.unknownKeys(PAGE_KEYS);
        String title = fields.requiredText("title");
        boolean draft = fields.bool("draft");
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
                .aliases(AddressFields.addresses(fields))
                .lang(fields.lang())
                .updated(updated)
                .body(rendered.html().toString(), rendered.toc(), bodies.showToc(tocMode(fields), rendered))
                .source(file)
                .build();
        warnings.addAll(ImagesWithoutAlt.find(frontMatter));
        return new Result<>(page, draft, warnings, keyLines(fields));
    }

    private static Map<String, Integer> keyLines(FrontMatterFields fields) {
        return Map.of("slug", fields.line("slug"), "aliases", fields.line("aliases"));
    }

    private static TocMode tocMode(FrontMatterFields fields) throws ContentFileException {
        return fields.choice("toc", TocMode.AUTO, TocMode.CHOICES, "auto, on or off");
    }
}
