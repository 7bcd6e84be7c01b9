package org.rlsblog.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * WordPress's shortcodes in a post's stored text, turned into plain HTML before the text becomes
 * Markdown: {@code [caption]} into a figure, {@code [gallery]} into its images with their captions,
 * {@code [embed]} into the address alone on its line, {@code [audio]} and {@code [video]} into HTML5
 * players. Any other shortcode stays as text, and the report names it.
 */
final class WordPressShortcodes {

    private static final Pattern KNOWN = Pattern.compile(
            "(?<!\\[)\\[(caption|wp_caption|gallery|embed|audio|video)\\b([^\\]]*)\\]" + "(?:(.*?)\\[/\\1\\])?",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER =
            Pattern.compile("(?<!\\[)\\[([a-zA-Z][a-zA-Z0-9_-]{0,60})(?=[\\s\\]/])[^\\[\\]]*\\]");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern CAPTIONED_IMAGE =
            Pattern.compile("^\\s*((?:<a\\s[^>]*>\\s*)?<img\\s[^>]*>(?:\\s*</a>)?)(.*)$", Pattern.DOTALL);
    private static final Pattern IDS = Pattern.compile("\\d+");
    private static final List<String> AUDIO_KEYS = List.of("src", "mp3", "m4a", "ogg", "wav", "flac");
    private static final List<String> VIDEO_KEYS = List.of("src", "mp4", "m4v", "webm", "ogv", "mov");

    private WordPressShortcodes() {}

    /**
     * @param itemId the post's WordPress id, for a {@code [gallery]} without ids (its attached images)
     * @param siteUrl the old site's address, for an attachment whose export names no address
     */
    static String expand(
            String text, long itemId, String siteUrl, WordPressAttachments attachments, MoveReport report) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        Matcher known = KNOWN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (known.find()) {
            String name = known.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = attributes(known.group(2));
            String inner = known.group(3) == null ? "" : known.group(3);
            String html = switch (name) {
                case "caption", "wp_caption" -> caption(attributes, inner);
                case "gallery" -> gallery(attributes, itemId, siteUrl, attachments);
                case "embed" -> "\n\n" + Entities.escape(inner.strip()) + "\n\n";
                case "audio" -> player("audio", source(attributes, AUDIO_KEYS, inner));
                default -> player("video", source(attributes, VIDEO_KEYS, inner));
            };
            report.converted("[" + name + "]");
            known.appendReplacement(out, Matcher.quoteReplacement(html));
        }
        known.appendTail(out);
        Matcher other = OTHER.matcher(out);
        while (other.find()) {
            report.kept("[" + other.group(1).toLowerCase(Locale.ROOT) + "]");
        }
        return out.toString();
    }

    private static String caption(Map<String, String> attributes, String inner) {
        Matcher image = CAPTIONED_IMAGE.matcher(inner);
        if (!image.matches()) {
            return inner;
        }
        String caption = attributes.getOrDefault("caption", image.group(2).strip());
        return "\n\n<figure>" + image.group(1) + "<figcaption>" + caption + "</figcaption></figure>\n\n";
    }

    private static String gallery(
            Map<String, String> attributes, long itemId, String siteUrl, WordPressAttachments attachments) {
        List<WordPressAttachments.Attachment> images = new ArrayList<>();
        String ids = attributes.getOrDefault("ids", attributes.getOrDefault("include", ""));
        if (ids.isBlank()) {
            images.addAll(attachments.childrenOf(itemId));
        } else {
            Matcher id = IDS.matcher(ids);
            while (id.find()) {
                WordPressAttachments.Attachment a = attachments.byId(Long.parseLong(id.group()));
                if (a != null) {
                    images.add(a);
                }
            }
        }
        StringBuilder html = new StringBuilder("\n\n");
        for (WordPressAttachments.Attachment a : images) {
            String url = a.url().isEmpty() ? siteUrl + UploadPaths.UPLOADS + UploadPaths.encode(a.file()) : a.url();
            html.append("<figure><img src=\"")
                    .append(Entities.escape(url))
                    .append("\" alt=\"")
                    .append(Entities.escape(a.alt()))
                    .append("\" class=\"wp-image-")
                    .append(a.id())
                    .append("\">");
            if (!a.caption().isBlank()) {
                html.append("<figcaption>").append(Entities.escape(a.caption())).append("</figcaption>");
            }
            html.append("</figure>\n\n");
        }
        return html.toString();
    }

    private static String source(Map<String, String> attributes, List<String> keys, String inner) {
        for (String key : keys) {
            String value = attributes.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return inner.strip();
    }

    private static String player(String tag, String src) {
        return "\n\n<" + tag + " controls src=\"" + Entities.escape(src) + "\"></" + tag + ">\n\n";
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            String value = attribute.group(2) != null
                    ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
            attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), WordPressHtml.decodeEntities(value));
        }
        return attributes;
    }
}
