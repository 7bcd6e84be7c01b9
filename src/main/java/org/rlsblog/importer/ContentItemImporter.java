package org.rlsblog.importer;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
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
    private final Set<String> usedTargets = new HashSet<>();

    ContentItemImporter(ImportReport report, StagedFiles files, CommentCollector comments) {
        this.report = report;
        this.files = files;
        this.comments = comments;
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
        String text = ImportedFile.render(
                item.type(), item.id(), ImportedFrontMatter.of(channel, item, slug, draft, page), body(channel, item));
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

    private String body(WxrReader.Channel channel, WxrItem item) {
        WordPressHtml.Converted converted = WordPressHtml.toMarkdown(item.content(), channel.siteUrl());
        converted.uploads().forEach(report::upload);
        return converted.markdown();
    }
}
