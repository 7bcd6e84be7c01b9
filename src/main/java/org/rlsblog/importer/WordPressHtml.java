package org.rlsblog.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * WordPress's stored HTML to what this site keeps: post bodies to Markdown, comments to the plain
 * text the comment store expects. Classic-editor content gets its paragraphs from {@link Wpautop}
 * first; block-editor content ({@code <!-- wp:… -->}) is already HTML.
 */
final class WordPressHtml {

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:[^>]*?-->");
    private static final Pattern NEEDLESS_AMPERSAND_ESCAPE = Pattern.compile("\\\\&(?![#a-zA-Z0-9]+;)");
    /** The converter writes {@code *word* ,}; CommonMark closes emphasis before punctuation without it. */
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("(?<=\\S)(\\*{1,3}) ([,.;:!?)])");

    private static final Pattern UPLOAD = Pattern.compile("/wp-content/uploads/");

    private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter.builder(new MutableDataSet()
                    .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                    .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                    .set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false)
                    .set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false)
                    .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
                    .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
                    .set(FlexmarkHtmlConverter.LIST_CONTENT_INDENT, false)
                    .set(FlexmarkHtmlConverter.SKIP_CHAR_ESCAPE, false)
                    .set(FlexmarkHtmlConverter.DIV_AS_PARAGRAPH, true))
            .build();

    private WordPressHtml() {}

    /** A converted body and the uploaded files (images and links into {@code wp-content/uploads}) it refers to. */
    record Converted(String markdown, List<String> uploads) {}

    /**
     * @param siteUrl the old site's address ({@code wp:base_site_url}); links to it become site paths
     */
    static Converted toMarkdown(String wordpressHtml, String siteUrl) {
        return toMarkdown(wordpressHtml, siteUrl, raw -> new PostMediaHtml(null, new MoveReport(), raw, ""));
    }

    /**
     * @param siteUrl the old site's address ({@code wp:base_site_url}); links to it become site paths
     * @param media what makes the post's files, figures, embeds and players the site's own
     */
    static Converted toMarkdown(String wordpressHtml, String siteUrl, Function<RawBlocks, PostMediaHtml> media) {
        boolean blocks = wordpressHtml.contains("<!-- wp:");
        String html = BLOCK_COMMENT.matcher(wordpressHtml).replaceAll("");
        if (!blocks) {
            html = Wpautop.autop(html);
        }
        Document document = Jsoup.parseBodyFragment(html);
        RawBlocks raw = new RawBlocks();
        List<String> uploads = media.apply(raw).apply(document);
        for (Element link : document.select("a[href]")) {
            String href = link.attr("href");
            if (!siteUrl.isEmpty()
                    && href.startsWith(siteUrl + "/")
                    && !UPLOAD.matcher(href).find()) {
                link.attr("href", href.substring(siteUrl.length()));
            }
        }
        for (Element cite : document.select("blockquote > cite")) {
            // a quote block's source: its own line in the quote, after a dash
            cite.replaceWith(new Element("p").text("— " + cite.text()));
        }
        for (Element br : document.select("br")) {
            // wpautop keeps the newline after each <br />; it would become a paragraph break
            if (br.nextSibling() instanceof TextNode next) {
                next.text(next.getWholeText().replaceFirst("^\\s+", ""));
            }
        }
        document.outputSettings().prettyPrint(false);
        String markdown = CONVERTER.convert(document.body().html());
        markdown = NEEDLESS_AMPERSAND_ESCAPE.matcher(markdown).replaceAll("&");
        markdown = SPACE_BEFORE_PUNCTUATION.matcher(markdown).replaceAll("$1$2");
        return new Converted(raw.restore(tidy(markdown)), uploads);
    }

    /** A comment as plain text: tags dropped (their text kept), entities decoded, paragraphs as blank lines. */
    static String toPlainText(String commentHtml) {
        String html = commentHtml.replace("\r\n", "\n").replace('\r', '\n');
        if (!html.contains("<") && !html.contains("&")) {
            return html.strip();
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        StringBuilder text = new StringBuilder();
        appendText(document.body(), text);
        return text.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Entities in a title or a term name, as WordPress stores them ({@code &amp;}, {@code &#8217;}). */
    static String decodeEntities(String text) {
        return text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    text.append('\n');
                    continue;
                }
                boolean block = tag.equals("p") || tag.equals("blockquote") || tag.equals("div");
                if (block) {
                    text.append("\n\n");
                }
                appendText(element, text);
                if (tag.equals("a")) {
                    String href = element.attr("href");
                    if (!href.isEmpty() && !element.text().equals(href)) {
                        text.append(" (").append(href).append(')');
                    }
                }
                if (block) {
                    text.append("\n\n");
                }
            }
        }
    }

    /** Trailing spaces gone, at most one blank line in a row (outside code fences), one newline at the end. */
    private static String tidy(String markdown) {
        StringBuilder out = new StringBuilder();
        int blank = 0;
        boolean fence = false;
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fence = !fence;
            }
            String trimmed = fence ? line : line.stripTrailing();
            if (!fence && line.endsWith("  ") && !trimmed.isEmpty()) {
                // a hard line break, written as a backslash so that editors do not strip it
                trimmed = trimmed + "\\";
            }
            if (trimmed.isEmpty() && !fence) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(trimmed);
        }
        return out.length() == 0 ? "" : out.append('\n').toString();
    }
}
