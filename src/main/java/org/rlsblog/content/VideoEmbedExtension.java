package org.rlsblog.content;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A paragraph that holds only a YouTube or Vimeo address (bare or in angle brackets), or {@code
 * @[Title](address)}, becomes a video poster: a link to the video on its site, with a play button
 * and the title. No address of the video site is loaded with the page; {@code /js/video-embed.js}
 * swaps in the player (from {@link VideoLink#playerUrl()}) when the reader clicks.
 */
final class VideoEmbedExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** The language of the document's texts (the default title), as a language tag. */
    static final DataKey<String> LANGUAGE = new DataKey<>("VIDEO_EMBED_LANGUAGE", "en");

    private static final Pattern SHORT_SYNTAX = Pattern.compile("@\\[([^\\]\\n]*)\\]\\(\\s*<?([^\\s<>()]+)>?\\s*\\)");
    private static final Pattern ADDRESS = Pattern.compile("<?(https?://[^\\s<>]+)>?");

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessorFactory(new DocumentPostProcessorFactory() {
            @Override
            public DocumentPostProcessor apply(Document document) {
                return new DocumentPostProcessor() {
                    @Override
                    public Document processDocument(Document document) {
                        replaceVideoParagraphs(document);
                        return document;
                    }
                };
            }
        });
    }

    @Override
    public void extend(HtmlRenderer.Builder renderer, String rendererType) {
        renderer.nodeRendererFactory(options -> new PosterRenderer());
    }

    /**
     * The video a paragraph's text names, with its title (null for the default), or null when
     * the text is anything but a lone video address or the short syntax.
     */
    static @Nullable VideoEmbed videoOf(BasedSequence paragraph) {
        String line = paragraph.trim().toString();
        if (line.indexOf('\n') >= 0) {
            return null;
        }
        Matcher shortSyntax = SHORT_SYNTAX.matcher(line);
        if (shortSyntax.matches()) {
            VideoLink link = VideoLink.parse(shortSyntax.group(2));
            String title = shortSyntax.group(1).strip();
            return link == null ? null : new VideoEmbed(paragraph, link, title.isEmpty() ? null : title);
        }
        Matcher address = ADDRESS.matcher(line);
        if (address.matches() && line.startsWith("<") == line.endsWith(">")) {
            VideoLink link = VideoLink.parse(address.group(1));
            return link == null ? null : new VideoEmbed(paragraph, link, null);
        }
        return null;
    }

    /** Only paragraphs of their own, at the top of the document: a video in a list or quote stays a link. */
    private static void replaceVideoParagraphs(Document document) {
        Node node = document.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof Paragraph) {
                VideoEmbed embed = videoOf(node.getChars());
                if (embed != null) {
                    node.insertBefore(embed);
                    node.unlink();
                }
            }
            node = next;
        }
    }

    /** A video poster in the document tree. */
    static final class VideoEmbed extends Block {

        private final VideoLink link;
        private final @Nullable String title;

        VideoEmbed(BasedSequence chars, VideoLink link, @Nullable String title) {
            super(chars);
            this.link = link;
            this.title = title;
        }

        VideoLink link() {
            return link;
        }

        @Nullable
        String title() {
            return title;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * {@code <div class="video-embed" data-video-player="…"><a class="video-poster" href="…">…</a></div>}:
     * the title as text (flexmark escapes it), the two addresses rebuilt from a checked id.
     */
    private static final class PosterRenderer implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(VideoEmbed.class, PosterRenderer::render));
        }

        private static void render(VideoEmbed embed, NodeRendererContext context, HtmlWriter html) {
            VideoLink link = embed.link();
            String title = embed.title() != null
                    ? embed.title()
                    : defaultTitle(LANGUAGE.get(embed.getDocument()), link.site());
            html.attr("class", link.portrait() ? "video-embed video-portrait" : "video-embed")
                    .attr("data-video-player", link.playerUrl())
                    .withAttr()
                    .tagLine("div");
            html.attr("class", "video-poster")
                    .attr("href", link.watchUrl())
                    .withAttr()
                    .tag("a");
            html.attr("class", "video-play")
                    .attr("aria-hidden", "true")
                    .withAttr()
                    .tag("span")
                    .closeTag("span");
            html.attr("class", "video-title").withAttr().tag("span").text(title).closeTag("span");
            html.attr("class", "video-site")
                    .withAttr()
                    .tag("span")
                    .text(link.site().label())
                    .closeTag("span");
            html.closeTag("a").line();
            html.closeTag("div").line();
        }
    }

    /** "Video on YouTube", in the document's language (the site's messages, English for any other). */
    static String defaultTitle(String language, VideoLink.Site site) {
        ResourceBundle messages = ResourceBundle.getBundle(
                "messages",
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(messages.getString("video.defaultTitle"), Locale.ROOT)
                .format(new Object[] {site.label()});
    }
}
