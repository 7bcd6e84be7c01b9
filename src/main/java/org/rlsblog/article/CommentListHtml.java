package org.rlsblog.article;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The items of an article's comment list ({@code <li>} per comment, replies nested). Java, not a
 * Thymeleaf fragment: the fragment's expressions for each comment made a long thread far slower
 * to render (docs/benchmarks.md, "What the measurements kept").
 *
 * <p>Everything a reader wrote is escaped here, in text and in attributes; the comment text comes
 * already escaped and linkified ({@link CommentView#bodyHtml()}), and an author's web address only
 * if it is http(s).
 */
@Component
class CommentListHtml {

    /** A first guess at one comment's markup, so the buffer seldom grows while writing. */
    private static final int CHARS_PER_COMMENT = 1200;

    private final MessageSource messages;

    CommentListHtml(MessageSource messages) {
        this.messages = messages;
    }

    String render(List<CommentView> comments, Locale locale, String contextPath) {
        StringBuilder html = new StringBuilder(comments.size() * CHARS_PER_COMMENT);
        Labels labels = new Labels(
                messages.getMessage("comments.byAuthor", null, locale),
                messages.getMessage("comments.awaiting", null, locale),
                messages.getMessage("comments.reply", null, locale));
        for (CommentView comment : comments) {
            append(html, comment, labels, locale, contextPath);
        }
        return html.toString();
    }

    private record Labels(String byAuthor, String awaiting, String reply) {}

    private void append(StringBuilder html, CommentView c, Labels labels, Locale locale, String contextPath) {
        String anchor = escape(c.anchor());
        String name = escape(c.authorName());
        html.append("<li id=\"")
                .append(anchor)
                .append("\" class=\"")
                .append(c.byAuthor() ? "comment by-author" : c.pending() ? "comment pending" : "comment")
                .append("\">\n<article class=\"comment-body\" aria-labelledby=\"")
                .append(anchor)
                .append("-author\">\n<header class=\"comment-meta\">\n<span class=\"comment-author\" id=\"")
                .append(anchor)
                .append("-author\">");
        if (c.authorUrl() != null) {
            html.append("<a href=\"")
                    .append(escape(c.authorUrl()))
                    .append("\" rel=\"nofollow ugc noopener\">")
                    .append(name)
                    .append("</a>");
        } else {
            html.append(name);
        }
        html.append("</span>\n");
        if (c.byAuthor()) {
            html.append("<span class=\"author-badge\">")
                    .append(escape(labels.byAuthor()))
                    .append("</span>\n");
        }
        html.append("<a class=\"comment-permalink\" href=\"#")
                .append(anchor)
                .append("\"><time datetime=\"")
                .append(escape(c.date().iso()))
                .append("\">")
                .append(escape(c.date().text()))
                .append("</time></a>\n</header>\n");
        if (c.pending()) {
            html.append("<p class=\"awaiting-moderation\">")
                    .append(escape(labels.awaiting()))
                    .append("</p>\n");
        }
        html.append("<div class=\"comment-text\">").append(c.bodyHtml()).append("</div>\n");
        if (c.replyUrl() != null) {
            html.append("<a class=\"reply-link\" href=\"")
                    .append(escape(contextPath + c.replyUrl()))
                    .append("\" data-reply-to=\"")
                    .append(c.id())
                    .append("\" data-reply-name=\"")
                    .append(name)
                    .append("\" aria-label=\"")
                    .append(escape(messages.getMessage("comments.replyTo", new Object[] {c.authorName()}, locale)))
                    .append("\">")
                    .append(escape(labels.reply()))
                    .append("</a>\n");
        }
        html.append("</article>\n");
        if (!c.replies().isEmpty()) {
            html.append("<ol class=\"comment-replies\">\n");
            for (CommentView reply : c.replies()) {
                append(html, reply, labels, locale, contextPath);
            }
            html.append("</ol>\n");
        }
        html.append("</li>\n");
    }

    private static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                return HtmlUtils.htmlEscape(text, "UTF-8");
            }
        }
        return text;
    }
}
