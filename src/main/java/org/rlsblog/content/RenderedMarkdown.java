package org.rlsblog.content;

import java.util.List;

/**
 * What {@link MarkdownRenderer} makes of a Markdown body: the HTML and what the pages read from it.
 *
 * @param citations the web links in the footnotes (a health article's references)
 */
record RenderedMarkdown(Html html, List<TocEntry> toc, String firstParagraph, int words, List<String> citations) {}
