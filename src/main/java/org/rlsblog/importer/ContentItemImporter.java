package org.rlsblog.importer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns a post or a page into a Markdown file: its status decides whether it is imported and as a
 * draft, its slug names the file (a slug another item took gets the id appended), and the file is
 * staged. A post's comments go to the {@link CommentCollector}; pages here have none.
 */
final class ContentItemImporter {

    private static final String POSTS_FOLDER = "posts";
    private static final String PAGES_FOLDER = "pages";

    private final ImportReport report;
    private final StagedFiles files;
    private final CommentCollector comments;
    private final MediaFiles media;
    private final Set<String> usedTargets = new HashSet<>();

    ContentItemImporter(ImportReport report, StagedFiles files, CommentCollector comments, MediaFiles media) {
        this.report = report;
        this.files = files;
        this.comments = comments;
        this.media = media;
    }

    /** @param what the item as the report names it */
    void importItem(WxrReader.Channel channel, WxrItem item, String what) throws IOException, WxrFormatException {
        Boolean draft = draft(item, what);
        if (draft == null) {
            return;
        }
        boolean page = item.type().equals("page");
        String slug = WordPressSlugs.slug(item);
        String folder = page ? PAGES_FOLDER : POSTS_FOLDER;
        String relative = folder + "/" + slug + ".md";
        if (!usedTargets.add(relative)) {
            slug = slug + "-" + item.id();
            relative = folder + "/" + slug + ".md";
            usedTargets.add(relative);
            report.skipped(what + " (imported as " + relative + ")", "its slug is taken by another item");
        }
        String newPath = page ? "/" + slug : "/posts/" + slug;
        List<WordPressAttachments.Attachment> held = media.attachments().childrenOf(item.id());
        List<String> aliases = draft ? List.of() : WordPressAddresses.aliases(item, page, newPath, held);
        String body = body(channel, item, what);
        List<ImportedFile.Field> fields = ImportedFrontMatter.of(channel, item, slug, draft, page);
        fields.add(new ImportedFile.Field("wordpress_id", Long.toString(item.id())));
        if (!aliases.isEmpty()) {
            fields.add(new ImportedFile.Field("aliases", ImportedFile.list(aliases)));
        }
        if (!held.isEmpty()) {
            fields.add(new ImportedFile.Field(
                    "wordpress_attachments",
                    held.stream().map(a -> Long.toString(a.id())).collect(Collectors.joining(", ", "[", "]"))));
        }
        if (!page) {
            fields.addAll(featuredImage(item, what));
        }
        if (!draft) {
            report.move().addresses("WordPress ids (/?p=N, /?page_id=N)", 1);
            report.move().addresses("attachment ids (/?attachment_id=N)", held.size());
            report.move().addresses("old permalinks, renamed slugs and attachment pages", aliases.size());
        }
        String text = ImportedFile.render(item.type(), item.id(), fields, body);
        ImportReport.Outcome outcome = files.stage(relative, text);
        report.file(item.type(), item.id(), relative, draft, outcome);
        if (page) {
            comments.leaveOut(item, "comments on a page (pages here have none)");
        } else {
            comments.collect(channel, item, slug);
        }
    }

    /**
     * Whether the item becomes a draft; null when it is not imported at all. What was not public on
     * the old site (private, password-protected) is not published here either.
     */
    private @Nullable Boolean draft(WxrItem item, String what) throws WxrFormatException {
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
                comments.leaveOut(item, "comments on a skipped " + item.type());
                return null;
            }
            default ->
                throw new WxrFormatException(
                        item.where() + ": unknown status '" + item.status() + "' of a " + item.type());
        }
        if (!item.password().isEmpty() && !draft) {
            draft = true;
            report.skipped(what + " (imported as a draft)", "password-protected on the old site");
        }
        return draft;
    }

    private String body(WxrReader.Channel channel, WxrItem item, String what) {
        String html = WordPressShortcodes.expand(
                item.content(), item.id(), channel.siteUrl(), media.attachments(), report.move());
        WordPressHtml.Converted converted = WordPressHtml.toMarkdown(
                html, channel.siteUrl(), raw -> new PostMediaHtml(media, report.move(), raw, what));
        converted.uploads().forEach(report::upload);
        return converted.markdown();
    }

    /** {@code image} and {@code image_alt} from the featured image ({@code _thumbnail_id}), when its file could be taken. */
    private List<ImportedFile.Field> featuredImage(WxrItem item, String what) {
        String id = item.meta().getOrDefault("_thumbnail_id", "").strip();
        WordPressAttachments.Attachment image =
                id.matches("\\d{1,18}") ? media.attachments().byId(Long.parseLong(id)) : null;
        if (image == null || image.url().isEmpty()) {
            return List.of();
        }
        String local = media.localize(List.of(image.url()), what).get(image.url());
        if (local == null) {
            return List.of();
        }
        List<ImportedFile.Field> fields = new ArrayList<>();
        fields.add(new ImportedFile.Field("image", ImportedFile.quote(local)));
        if (!image.alt().isBlank()) {
            fields.add(new ImportedFile.Field("image_alt", ImportedFile.quote(image.alt())));
        }
        report.move().converted("featured image");
        return fields;
    }
}
