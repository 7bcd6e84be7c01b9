package org.rlsblog.content;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns the author's Markdown into HTML, once, when a file is loaded. The flexmark parser and
 * renderer are built once here and shared: flexmark documents both as thread-safe once built.
 */
@Component
class MarkdownRenderer {

    /** The heading levels in a table of contents, one bit each: h2 and h3. */
    private static final int TOC_LEVELS = 0b1100;

    private final Parser parser;
    private final HtmlRenderer renderer;

    MarkdownRenderer() {
        this(new QuickAutolinkExtension());
    }

    /** With another autolink extension: for the test that compares ours with flexmark's own. */
    MarkdownRenderer(Extension autolinks) {
        MutableDataSet options = new MutableDataSet();
        options.set(
                Parser.EXTENSIONS,
                List.of(
                        TablesExtension.create(),
                        FootnoteExtension.create(),
                        autolinks,
                        StrikethroughExtension.create(),
                        TypographicExtension.create(),
                        AnchorLinkExtension.create(),
                        TocExtension.create(),
                        AttributesExtension.create(),
                        new VideoEmbedExtension(),
                        ImageExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
        options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
        options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "heading-anchor");
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "↩");
        options.set(TocExtension.LEVELS, TOC_LEVELS);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * Renders Markdown to HTML and reads what the pages need from it.
     *
     * @throws StackOverflowError on pathological nesting; the caller reports the file as broken
     */
    RenderedMarkdown render(String markdown) {
        return render(markdown, Locale.ENGLISH);
    }

    /**
     * As {@link #render(String)}, with the texts the renderer adds in {@code lang}: footnotes, the
     * references of a health article, get a heading ({@link #referencesTitle(Locale)}), and their
     * web links are collected as citations; a video without a title is named in it.
     */
    RenderedMarkdown render(String markdown, Locale lang) {
        return render(markdown, lang, null);
    }

    /**
     * As {@link #render(String, Locale)}, with the images of the file being rendered: resolved,
     * sized and checked through {@code images}, which collects their problems.
     */
    RenderedMarkdown render(String markdown, Locale lang, @Nullable ImageContext images) {
        String referencesTitle = referencesTitle(lang);
        Document parsed = parser.parse(markdown);
        parsed.set(VideoEmbedExtension.LANGUAGE, lang.getLanguage());
        if (images != null) {
            parsed.set(ImageExtension.CONTEXT, images);
        }
        String html = renderer.render(parsed);
        var document = Jsoup.parseBodyFragment(html); // jsoup's Document, not flexmark's
        boolean changed = false;
        // {#id .class} on a heading lands on the anchor that wraps its text: one id, on the heading
        for (Element anchor : document.select("h1 > a.heading-anchor[id], h2 > a.heading-anchor[id], "
                + "h3 > a.heading-anchor[id], h4 > a.heading-anchor[id], h5 > a.heading-anchor[id], "
                + "h6 > a.heading-anchor[id]")) {
            Element heading = anchor.parent();
            heading.id(anchor.id());
            anchor.removeAttr("id");
            anchor.classNames().stream()
                    .filter(name -> !name.equals("heading-anchor"))
                    .toList()
                    .forEach(name -> {
                        heading.addClass(name);
                        anchor.removeClass(name);
                    });
            changed = true;
        }
        List<String> citations = new ArrayList<>();
        Element footnotes = document.selectFirst("div.footnotes");
        if (footnotes != null) {
            footnotes.select("> hr").remove();
            footnotes.prependElement("h2").attr("id", "references").text(referencesTitle);
            Citations.linkIdentifiers(footnotes);
            for (Element link : footnotes.select("a[href^=http://], a[href^=https://]")) {
                if (!citations.contains(link.attr("href"))) {
                    citations.add(link.attr("href"));
                }
            }
            changed = true;
        }
        if (changed) {
            html = document.body().html();
        }
        List<TocEntry> toc = new ArrayList<>();
        for (Element heading : document.select("h2[id], h3[id]")) {
            toc.add(new TocEntry(heading.tagName().equals("h2") ? 2 : 3, heading.id(), heading.text()));
        }
        Element firstParagraph = document.selectFirst("body > p");
        String firstParagraphText = firstParagraph == null ? "" : firstParagraph.text();
        String text = document.body().text();
        int words = countWords(text);
        return new RenderedMarkdown(Html.of(html), toc, firstParagraphText, words, citations);
    }

    /**
     * The heading over the footnotes in {@code lang}. It stands for the language wherever the texts
     * a rendering adds must be told apart (the render cache's key): each language has its own.
     */
    static String referencesTitle(Locale lang) {
        return lang.getLanguage().equals("nl") ? "Bronnen" : "References";
    }

    /**
     * Runs of non-blank characters, without a regex. Like {@code text.trim().split("\\s+")}, except
     * that Unicode spaces ({@link Character#isWhitespace}) also separate words.
     */
    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean blank = Character.isWhitespace(text.charAt(i));
            if (!blank && !inWord) {
                words++;
            }
            inWord = !blank;
        }
        return words;
    }
}
