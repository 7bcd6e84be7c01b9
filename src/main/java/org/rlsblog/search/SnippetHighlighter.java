package org.rlsblog.search;

import java.io.IOException;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * The snippet of a search hit: the passage of the article that best matches the query, with the
 * matched words in {@code <mark>} and everything else HTML-escaped; the article's start when no
 * passage matches.
 */
final class SnippetHighlighter {

    /** About how long a snippet is, in characters. */
    private static final int SNIPPET_LENGTH = 180;

    /**
     * Characters of an article read for its snippet: a match further on is not looked for, so a
     * very long article costs no more than a long one.
     */
    static final int MAX_CHARS_READ = 20_000;

    private static final String ELLIPSIS = " …";

    private final Highlighter highlighter;

    SnippetHighlighter(Query query) {
        highlighter = new Highlighter(
                new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(query));
        highlighter.setTextFragmenter(new SimpleFragmenter(SNIPPET_LENGTH));
        highlighter.setMaxDocCharsToAnalyze(MAX_CHARS_READ);
    }

    /**
     * The snippet of an article's text. The text is analysed as each language in turn: the index
     * does not say which one matched.
     */
    String snippet(String text) throws IOException {
        if (text.isEmpty()) {
            return "";
        }
        for (String lang : SearchFields.LANGUAGES) {
            try {
                String fragment =
                        highlighter.getBestFragment(SearchFields.analyzerFor(lang), SearchFields.BODY + lang, text);
                if (fragment != null) {
                    return fragment + ELLIPSIS;
                }
            } catch (InvalidTokenOffsetsException e) {
                break;
            }
        }
        return HtmlUtils.htmlEscape(start(text));
    }

    /** The text's start, cut at a word. */
    private static String start(String text) {
        if (text.length() <= SNIPPET_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_LENGTH);
        return text.substring(0, cut > 0 ? cut : SNIPPET_LENGTH) + ELLIPSIS;
    }
}
