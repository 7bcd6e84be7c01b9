package org.rlsblog.search;

/**
 * One search result. {@code snippetHtml} is text from the article with the matched words in
 * {@code <mark>}; everything else in it is HTML-escaped.
 */
public record SearchHit(String slug, String title, String snippetHtml) {}
