package org.rlsblog.content;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's autolink extension (bare URLs, {@code www.} addresses and e-mail addresses become
 * links), asked only about text that could hold one: its regular expression and link scanner over
 * every text node were a large part of loading content. A link needs {@code ://} (so a colon),
 * {@code www.} or an {@code @}; text with none of them is left alone, as the extension itself would
 * leave it. Text that runs on into a typographic quote or an HTML entity, which the extension reads
 * together with it, is always handed over.
 */
final class QuickAutolinkExtension implements Parser.ParserExtension {

    private static final String WWW = "www";

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessorFactory(new Factory());
    }

    /** Whether the extension could find a link in {@code text} (followed by {@code next}). */
    static boolean mayHoldLink(BasedSequence text, Node next) {
        if (next instanceof TypographicText || next instanceof HtmlEntity) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '@') {
                return true;
            }
            if ((c == 'w' || c == 'W')
                    && i + WWW.length() <= text.length()
                    && text.subSequence(i, i + WWW.length()).toString().equalsIgnoreCase(WWW)) {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {

        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    if (mayHoldLink(node.getChars(), node.getNext())) {
                        autolinks.process(state, node);
                    }
                }
            };
        }
    }
}
