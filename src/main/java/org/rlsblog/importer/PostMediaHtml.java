package org.rlsblog.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * The media of a post's HTML made this site's own: uploaded files linked from {@code content/media/},
 * WordPress's figures (classic captions, {@code wp:image}, {@code wp:gallery}) as images with a
 * title (the site's figure), embeds and bare YouTube or Vimeo addresses as the address alone on its
 * line (the site's video embed), and audio and video as HTML5 players of the local files.
 */
final class PostMediaHtml {

    static final Pattern VIDEO_URL = Pattern.compile(
            "https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?\\S*v=|embed/"
                    + "|shorts/|live/)|youtube-nocookie\\.com/embed/|youtu\\.be/|(?:player\\.)?vimeo\\.com/(?:video/)?\\d)\\S*");
    private static final Pattern WP_IMAGE_CLASS = Pattern.compile("wp-image-(\\d+)");
    private static final String SOURCES = "img[src], a[href], audio[src], video[src], source[src]";

    private final @Nullable MediaFiles media;
    private final MoveReport report;
    private final RawBlocks raw;
    private final String usedBy;

    PostMediaHtml(@Nullable MediaFiles media, MoveReport report, RawBlocks raw, String usedBy) {
        this.media = media;
        this.report = report;
        this.raw = raw;
        this.usedBy = usedBy;
    }

    /** Rewrites {@code document} in place; returns the upload addresses it could not make local. */
    List<String> apply(Document document) {
        List<String> remote = localize(document);
        images(document);
        embeds(document);
        figures(document);
        players(document);
        return remote;
    }

    private List<String> localize(Document document) {
        Set<String> urls = new LinkedHashSet<>();
        for (Element e : document.select(SOURCES)) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            if (url.contains(UploadPaths.UPLOADS)) {
                urls.add(url);
            }
        }
        List<String> remote = new ArrayList<>();
        if (urls.isEmpty()) {
            return remote;
        }
        if (media == null) {
            remote.addAll(urls);
            return remote;
        }
        Map<String, String> local = media.localize(urls, usedBy);
        for (Element e : document.select(SOURCES)) {
            String key = e.hasAttr("src") ? "src" : "href";
            String to = local.get(e.attr(key));
            if (to != null) {
                e.attr(key, to);
            }
        }
        return remote;
    }

    /** Alt text from the attachment where the image has none; no link around an image to its own file. */
    private void images(Document document) {
        for (Element img : document.select("img")) {
            if (img.attr("alt").isBlank()) {
                WordPressAttachments.Attachment a = attachment(img);
                if (a != null && !a.alt().isBlank()) {
                    img.attr("alt", a.alt());
                }
            }
            // a link around an image to its own file or attachment page: the site's figure shows the image
            Element parent = img.parent();
            if (parent != null
                    && parent.normalName().equals("a")
                    && parent.children().size() == 1) {
                String href = parent.attr("href");
                if (href.startsWith(MediaFiles.MEDIA_PATH)
                        || href.contains(UploadPaths.UPLOADS)
                        || href.contains("attachment_id=")) {
                    parent.unwrap();
                }
            }
        }
    }

    private WordPressAttachments.@Nullable Attachment attachment(Element img) {
        if (media == null) {
            return null;
        }
        Matcher id = WP_IMAGE_CLASS.matcher(img.className());
        if (id.find()) {
            WordPressAttachments.Attachment a = media.attachments().byId(Long.parseLong(id.group(1)));
            if (a != null) {
                return a;
            }
        }
        String src = img.attr("src");
        String file = src.startsWith(MediaFiles.MEDIA_PATH)
                ? src.substring(MediaFiles.MEDIA_PATH.length())
                : UploadPaths.fromUrl(src);
        return file == null ? null : media.attachments().byFile(file);
    }

    /** {@code wp:embed} figures and paragraphs holding only a video address. */
    private void embeds(Document document) {
        for (Element figure : document.select("figure.wp-block-embed")) {
            Element wrapper = figure.selectFirst(".wp-block-embed__wrapper");
            String url = wrapper == null ? "" : wrapper.text().strip();
            Element caption = figure.selectFirst("> figcaption");
            Element replacement = url.isEmpty() ? new Element("div") : videoOrLink(url);
            figure.before(replacement);
            if (caption != null && !caption.text().isBlank()) {
                figure.before(new Element("p").appendChild(new Element("em").text(caption.text())));
            }
            figure.remove();
            report.converted("wp:embed");
        }
        for (Element p : document.select("p")) {
            String text = p.text().strip();
            boolean onlyLink = p.children().isEmpty()
                    || p.children().size() == 1
                            && p.child(0).normalName().equals("a")
                            && p.child(0).attr("href").equals(text);
            if (onlyLink && VIDEO_URL.matcher(text).matches()) {
                p.replaceWith(videoOrLink(text));
                report.converted("video address");
            }
        }
    }

    private Element videoOrLink(String url) {
        if (VIDEO_URL.matcher(url).matches()) {
            return new Element("p").text(raw.placeholder(url));
        }
        return new Element("p").appendChild(new Element("a").attr("href", url).text(url));
    }

    /** Innermost first, so a gallery meets its images already turned into paragraphs. */
    private void figures(Document document) {
        List<Element> figures = new ArrayList<>(document.select("figure"));
        for (int i = figures.size() - 1; i >= 0; i--) {
            Element figure = figures.get(i);
            Element caption = figure.selectFirst("> figcaption");
            String captionText = caption == null ? "" : caption.text().strip();
            if (caption != null) {
                caption.remove();
            }
            Element img = figure.selectFirst("> img, > a > img, > p > img, > a > p > img");
            boolean gallery =
                    figure.hasClass("wp-block-gallery") || figure.select("img").size() > 1 || img == null;
            if (gallery) {
                if (!captionText.isEmpty()) {
                    figure.appendChild(new Element("p").text(captionText));
                }
                if (figure.hasClass("wp-block-gallery")) {
                    report.converted("wp:gallery");
                }
                figure.unwrap();
                continue;
            }
            if (!captionText.isEmpty()) {
                img.attr("title", captionText);
            }
            if (figure.hasClass("wp-block-image")) {
                report.converted("wp:image");
            }
            for (String attribute : List.of("width", "height", "class", "srcset", "sizes", "style")) {
                img.removeAttr(attribute);
            }
            Element link = img.parent() != null && img.parent().normalName().equals("a") ? img.parent() : null;
            Element paragraph = new Element("p").appendChild(link != null ? link : img);
            figure.replaceWith(paragraph);
        }
    }

    /** HTML5 players, kept as HTML: Markdown has no form of its own for them. */
    private void players(Document document) {
        for (Element player : document.select("audio, video")) {
            String src = player.hasAttr("src")
                    ? player.attr("src")
                    : player.select("source[src]").attr("src");
            String tag = player.normalName();
            String html =
                    "<" + tag + " controls preload=\"metadata\" src=\"" + Entities.escape(src) + "\"></" + tag + ">";
            Element paragraph = new Element("p").text(raw.placeholder(html));
            Element parent = player.parent();
            if (parent != null
                    && parent.normalName().equals("p")
                    && parent.text().isBlank()
                    && parent.children().size() == 1) {
                parent.replaceWith(paragraph);
            } else {
                player.replaceWith(paragraph);
            }
        }
    }
}
