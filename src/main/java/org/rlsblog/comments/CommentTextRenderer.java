package org.rlsblog.comments;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.EnumSet;
import java.util.Locale;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a reader's plain text into HTML that is safe to show: every character escaped, blank lines
 * make paragraphs and newlines line breaks, http(s) addresses become links with {@code rel="nofollow
 * ugc noopener"}, and an OWASP sanitizer that allows nothing else checks the result. The HTML of each
 * text is kept, so that a page made again for one changed comment does not render all the others
 * again (see docs/benchmarks.md).
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

    /** How many characters of text and HTML, together, the cache of rendered texts holds. */
    static final long MAX_CACHED_CHARS = 4_000_000;

    /** Room for the tags added to a text, so that a short text's HTML needs no second buffer. */
    private static final int MARKUP_ALLOWANCE = 32;

    private final Cache<String, String> rendered = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_CHARS)
            .weigher((String text, String html) -> text.length() + html.length())
            .build();

    public String toHtml(String text) {
        return rendered.get(text, CommentTextRenderer::render);
    }

    private static String render(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder html = new StringBuilder(normalized.length() + MARKUP_ALLOWANCE);
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
            String lower = href.toLowerCase(Locale.ROOT);
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
