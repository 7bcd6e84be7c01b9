package org.rlsblog.content;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders Markdown images through the file's {@link ImageContext}: sized, responsive markup, and
 * an image alone in its paragraph with a title ({@code ![alt](x.jpg "Caption")}) as a
 * {@code <figure>} with that caption. Without a context (a rendering not tied to a file), flexmark
 * renders images as usual.
 */
final class ImageExtension implements HtmlRenderer.HtmlRendererExtension {

    /** The context of the document being rendered, set on the parsed document. */
    static final NullableDataKey<ImageContext> CONTEXT = new NullableDataKey<>("RLS_IMAGE_CONTEXT");

    static ImageExtension create() {
        return new ImageExtension();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new ImageRenderer());
    }

    private static final class ImageRenderer implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(Image.class, this::image),
                    new NodeRenderingHandler<>(Paragraph.class, this::paragraph));
        }

        private void image(Image node, NodeRendererContext context, HtmlWriter html) {
            ImageContext images = CONTEXT.get(context.getDocument());
            if (images == null || context.isDoNotRenderLinks()) {
                context.delegateRender();
                return;
            }
            html.raw(images.html(
                    node.getUrl().unescape(), alt(node), node.getTitle().unescape(), node.getLineNumber(), false));
        }

        private void paragraph(Paragraph node, NodeRendererContext context, HtmlWriter html) {
            ImageContext images = CONTEXT.get(context.getDocument());
            Image image = captionedImage(node);
            if (images == null || image == null || context.isDoNotRenderLinks()) {
                context.delegateRender();
                return;
            }
            String caption = image.getTitle().unescape();
            html.line();
            html.raw("<figure>");
            html.raw(images.html(image.getUrl().unescape(), alt(image), caption, image.getLineNumber(), true));
            html.raw("<figcaption>").text(caption).raw("</figcaption></figure>");
            html.line();
        }

        /** The image that is all a top-level paragraph holds, if it has a title; else null. */
        private static @Nullable Image captionedImage(Paragraph paragraph) {
            Node parent = paragraph.getParent();
            if (!(parent instanceof Document) || !(paragraph.getFirstChild() instanceof Image image)) {
                return null;
            }
            Node next = image.getNext();
            boolean alone =
                    next == null || next.getNext() == null && next.getChars().isBlank();
            return alone && !image.getTitle().isBlank() ? image : null;
        }

        private static String alt(Image image) {
            return new TextCollectingVisitor().collectAndGetText(image);
        }
    }
}
