package org.rlsblog.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.rlsblog.comments.ImportedComment;

/**
 * One import while the export is read: hands each item, by its WordPress type, to what imports it,
 * and reports what is no blog content as skipped. A type it does not know (a plugin's, say) stops
 * the import and names the item, rather than being left out unnoticed.
 */
final class ImportRun implements WxrReader.ItemHandler {

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

    private final ImportReport report;
    private final CommentCollector comments;
    private final ContentItemImporter contentItems;

    private final boolean mediaSource;

    /** @param timeZone the site's, for dates that WordPress stored without an offset */
    ImportRun(ImportReport report, StagedFiles files, ZoneId timeZone, MediaFiles media, boolean mediaSource) {
        this.report = report;
        this.comments = new CommentCollector(timeZone, report);
        this.contentItems = new ContentItemImporter(report, files, comments, media);
        this.mediaSource = mediaSource;
    }

    /** The comments collected so far, parents before replies. */
    List<ImportedComment> comments() {
        return comments.collected();
    }

    @Override
    public void item(WxrReader.Channel channel, WxrItem item) throws WxrFormatException {
        String what = item.type() + " " + item.id() + " '" + WordPressHtml.decodeEntities(item.title()) + "'";
        switch (item.type()) {
            case "post", "page" -> {
                try {
                    contentItems.importItem(channel, item, what);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "attachment" -> attachment(item, what);
            default -> internal(item, what);
        }
    }

    private void attachment(WxrItem item, String what) {
        String url = item.attachmentUrl().isEmpty() ? item.link() : item.attachmentUrl();
        if (!mediaSource) {
            report.skipped(what, "an uploaded file (" + url + "); copy it by hand");
            report.upload(url);
        }
        comments.leaveOut(item, "comments on an uploaded file");
    }

    private void internal(WxrItem item, String what) throws WxrFormatException {
        String internal = INTERNAL_TYPES.get(item.type());
        if (internal == null) {
            throw new WxrFormatException(item.where() + ": unknown post type '" + item.type()
                    + "' (this importer knows post, page and attachment)");
        }
        report.skipped(what, internal + ", not blog content");
        comments.leaveOut(item, "comments on " + internal);
    }
}
