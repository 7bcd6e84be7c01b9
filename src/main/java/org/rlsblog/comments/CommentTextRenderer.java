package org.rlsblog.comments;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.EnumSet;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a reader's plain text into HTML that is safe to show: every character the reader typed is
 * escaped, blank lines make paragraphs and single newlines line breaks, and web addresses (found by
 * the autolink library, http and https only) become links with {@code rel="nofollow ugc noopener"}.
 * The result then passes an OWASP sanitizer that allows nothing else, as a second line of defence.
 *
 * <p>The HTML of a text is kept (up to 4 million characters of text and HTML): a page that is made again
 * because one comment changed would otherwise escape, linkify and sanitize every other comment on
 * it again, which was a third of rendering an article with 500 comments.
 */
@Component
public class CommentTextRenderer {

    private static final LinkExtractor LINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW))
            .build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    /** How many web addresses the linkifier finds in this text (the "N or more links" rule counts these). */
    static int countLinks(String text) {
        int links = 0;
        for (LinkSpan ignored : LINKS.extractLinks(text)) {
            links++;
        }
        return links;
    }

    private final Cache<String, String> rendered = Caffeine.newBuilder()
            .maximumWeight(4_000_000)
            .weigher((String text, String html) -> text.length() + html.length())
            .build();

    public String toHtml(String text) {
        return rendered.get(text, CommentTextRenderer::render);
    }

    private static String render(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder html = new StringBuilder(normalized.length() + 32);
        for (String paragraph : normalized.split("\n\\s*\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                appendLinked(html, lines[i]);
            }
            html.append("</p>");
        }
        return POLICY.sanitize(html.toString());
    }

    private static void appendLinked(StringBuilder html, String line) {
        int done = 0;
        for (LinkSpan link : LINKS.extractLinks(line)) {
            html.append(HtmlUtils.htmlEscape(line.substring(done, link.getBeginIndex()), "UTF-8"));
            String text = line.substring(link.getBeginIndex(), link.getEndIndex());
            String href = link.getType() == LinkType.WWW ? "https://" + text : text;
            String lower = href.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                html.append("<a href=\"")
                        .append(HtmlUtils.htmlEscape(href, "UTF-8"))
                        .append("\" rel=\"nofollow ugc noopener\">")
                        .append(HtmlUtils.htmlEscape(text, "UTF-8"))
                        .append("</a>");
            } else {
                html.append(HtmlUtils.htmlEscape(text, "UTF-8"));
            }
            done = link.getEndIndex();
        }
        html.append(HtmlUtils.htmlEscape(line.substring(done), "UTF-8"));
    }
}
