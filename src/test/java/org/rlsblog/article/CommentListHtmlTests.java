package org.rlsblog.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rlsblog.web.DateView;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The comment list's markup: nesting, classes and labels, and a hostile reader's name kept as text. */
class CommentListHtmlTests {

    private static final String HOSTILE = "\"><script>alert(1)</script><b a='";

    private final CommentListHtml list = new CommentListHtml(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static CommentView comment(
            long id,
            String name,
            String url,
            boolean byAuthor,
            boolean pending,
            String replyUrl,
            CommentView... replies) {
        return CommentView.builder()
                .id(id)
                .anchor("comment-" + id)
                .authorName(name)
                .authorUrl(url)
                .bodyHtml("<p>Text of " + id + "</p>")
                .date(new DateView("2024-05-01T10:00:00+02:00", "May 1, 2024"))
                .byAuthor(byAuthor)
                .pending(pending)
                .replyUrl(replyUrl)
                .replies(List.of(replies))
                .build();
    }

    private Document render(Locale locale, CommentView... comments) {
        return Jsoup.parseBodyFragment(
                "<ol class=\"comment-list\">" + list.render(List.of(comments), locale, "") + "</ol>");
    }

    @Test
    void repliesNestUnderTheirParentWithTheirOwnClasses() {
        CommentView reply = comment(2, "The author", null, true, false, null);
        CommentView pending = comment(3, "Me", null, false, true, null);
        Document page = render(
                Locale.ENGLISH,
                comment(
                        1,
                        "Reader",
                        "https://reader.example",
                        false,
                        false,
                        "/posts/p?replyTo=1#respond",
                        reply,
                        pending));

        Element first = page.getElementById("comment-1");
        assertThat(first.className()).isEqualTo("comment");
        assertThat(first.select("> article .comment-author a").attr("href")).isEqualTo("https://reader.example");
        assertThat(first.select("> article .comment-author a").attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(first.select("> article .comment-text").html()).isEqualTo("<p>Text of 1</p>");
        assertThat(first.select("> article time").attr("datetime")).isEqualTo("2024-05-01T10:00:00+02:00");
        assertThat(first.select("> article .comment-permalink").attr("href")).isEqualTo("#comment-1");
        assertThat(first.select("> article .reply-link").attr("href")).isEqualTo("/posts/p?replyTo=1#respond");
        assertThat(first.select("> article .reply-link").attr("aria-label")).isEqualTo("Reply to Reader");
        assertThat(first.select("> ol.comment-replies > li").eachAttr("id")).containsExactly("comment-2", "comment-3");
        assertThat(page.getElementById("comment-2").className()).isEqualTo("comment by-author");
        assertThat(page.select("#comment-2 .author-badge").text()).isEqualTo("Author");
        assertThat(page.select("#comment-2 .reply-link")).isEmpty();
        assertThat(page.getElementById("comment-3").className()).isEqualTo("comment pending");
        assertThat(page.select("#comment-3 .awaiting-moderation").text())
                .isEqualTo("Your comment is awaiting moderation.");
        assertThat(page.select(".awaiting-moderation")).hasSize(1);
    }

    @Test
    void aHostileNameStaysTextInEveryPlaceItAppears() {
        Document page = render(Locale.ENGLISH, comment(7, HOSTILE, null, false, false, "/posts/p?replyTo=7#respond"));

        assertThat(page.select("script, b")).isEmpty();
        assertThat(page.select("#comment-7 .comment-author").text()).isEqualTo(HOSTILE);
        Element reply = page.selectFirst("#comment-7 .reply-link");
        assertThat(reply.attr("data-reply-name")).isEqualTo(HOSTILE);
        assertThat(reply.attr("aria-label")).isEqualTo("Reply to " + HOSTILE);
        assertThat(reply.attributes().size()).isEqualTo(5);
    }

    @Test
    void labelsAreInTheReadersLanguage() {
        Document page = render(
                Locale.forLanguageTag("nl"), comment(4, "Lezer", null, true, false, "/posts/p?replyTo=4#respond"));

        assertThat(page.select(".author-badge").text()).isEqualTo("Auteur");
        assertThat(page.select(".reply-link").text()).isEqualTo("Beantwoorden");
        assertThat(page.select(".reply-link").attr("aria-label")).isEqualTo("Beantwoord Lezer");
    }
}
