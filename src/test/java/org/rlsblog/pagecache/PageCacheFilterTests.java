package org.rlsblog.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.body;
import static org.rlsblog.TestPages.html;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rlsblog.CommentSiteTestSupport;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.content.ContentChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class PageCacheFilterTests extends CommentSiteTestSupport {

    private static final String OPEN = "open-for-comments";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PageStore pageStore;

    @Test
    void writesFreshTokensIntoEveryAnswerAndOtherwiseTheSameHtml() {
        MvcTestResult first = get("/posts/" + OPEN);
        clock.advance(Duration.ofSeconds(2));
        try {
            MvcTestResult second = get("/posts/" + OPEN);

            Document one = html(first);
            Document two = html(second);
            assertThat(csrf(two)).isNotBlank().isNotEqualTo(csrf(one));
            assertThat(formToken(two)).isNotBlank().isNotEqualTo(formToken(one));
            assertThat(withoutTokens(body(second))).isEqualTo(withoutTokens(body(first)));
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void answersARevalidationOfAListWithItsEtagWith304() {
        String path = "/tags/comments-test";
        get(path);
        MvcTestResult stored = get(path);
        String etag = stored.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).startsWith("W/\"");
        assertThat(stored.getResponse().getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();

        MvcTestResult again =
                request(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange();

        assertThat(again).hasStatus(304);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(request(path)
                        .header(HttpHeaders.IF_NONE_MATCH, "W/\"other\"")
                        .exchange())
                .hasStatusOk();
    }

    /**
     * A 304 would have the browser show its old copy of the article, with the tokens of that copy:
     * refused once the reader's token cookie is gone (a browser restart) or the form token expired.
     */
    @Test
    void sendsAnArticleWithoutValidatorsSoARevisitGetsFreshTokens() {
        get("/posts/" + OPEN);
        MvcTestResult stored = get("/posts/" + OPEN);
        assertThat(stored.getResponse().getHeader(HttpHeaders.ETAG)).isNull();
        assertThat(stored.getResponse().getHeader(HttpHeaders.LAST_MODIFIED)).isNull();

        MvcTestResult revisit =
                request("/posts/" + OPEN).header(HttpHeaders.IF_NONE_MATCH, "*").exchange();

        assertThat(revisit).hasStatusOk();
        assertThat(csrf(html(revisit))).isNotBlank().isNotEqualTo(csrf(html(stored)));
    }

    @Test
    void givesAListANewEtagOnceACommentChangesWhatItShows() {
        get("/");
        String before = get("/").getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(before).isNotBlank();

        long id = commentId(submit(OPEN, aComment("Approved, so the home page counts one more.")));
        comments.moderate(id, CommentStatus.APPROVED);
        MvcTestResult after =
                request("/").header(HttpHeaders.IF_NONE_MATCH, before).exchange();

        assertThat(after).as("the page changed, so no 304").hasStatusOk();
        assertThat(after.getResponse().getHeader(HttpHeaders.ETAG)).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void remakesAStoredArticleOnceAScheduledPostGoesLiveBesideIt() {
        Document home = html(get("/"));
        String newest = home.select(".post-card-title a").first().attr("href");
        get(newest);
        assertThat(html(get(newest)).select("a.newer")).as("nothing newer yet").isEmpty();

        clock.set(SCHEDULED_AT);
        try {
            assertThat(html(get(newest)).select("a.newer").attr("href")).isEqualTo("/posts/scheduled");
        } finally {
            clock.set(NOW);
            pageStore.onContentChanged(new ContentChanged(NOW, 0, 0, 0)); // drop what was made an hour ahead
        }
    }

    @Test
    void showsACommentApprovedOnThisReplicaAtOnce() {
        long id = commentId(submit(OPEN, aComment("Approved here, shown at once.")));
        assertThat(body(get("/posts/" + OPEN))).doesNotContain("Approved here, shown at once.");

        comments.moderate(id, CommentStatus.APPROVED);

        assertThat(body(get("/posts/" + OPEN))).contains("Approved here, shown at once.");
    }

    @Test
    void keepsTheStoredArticleWhileCommentsOnlyAwaitModeration() {
        get("/posts/" + OPEN);
        String before = body(get("/posts/" + OPEN));

        commentId(submit(OPEN, aComment("Pending, so nothing readers see changes.")));
        clock.advance(PageStore.VERSION_CHECK.plusMillis(100));
        try {
            MvcTestResult after = get("/posts/" + OPEN);

            assertThat(withoutTokens(body(after))).isEqualTo(withoutTokens(before));
            assertThat(body(after)).doesNotContain("Pending, so nothing readers see changes.");
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void showsACommentChangedOnAnotherReplicaOnceTheVersionCheckIsDue() {
        long id = commentId(submit(OPEN, aComment("Written before the other replica edits it.")));
        comments.moderate(id, CommentStatus.APPROVED);
        assertThat(body(get("/posts/" + OPEN))).contains("Written before the other replica edits it.");

        // another replica edits the comment: the table and the post's comment version, no local event
        jdbc.sql("UPDATE comment SET body = :body WHERE id = :id")
                .param("body", "Edited on the other replica.")
                .param("id", id)
                .update();
        jdbc.sql("UPDATE post_comment_version SET version = version + 1 WHERE post_slug = :slug")
                .param("slug", OPEN)
                .update();

        assertThat(body(get("/posts/" + OPEN)))
                .as("within a second the stored page is served unchecked")
                .contains("Written before the other replica edits it.");
        clock.advance(PageStore.VERSION_CHECK.plusMillis(100));
        try {
            assertThat(body(get("/posts/" + OPEN)))
                    .contains("Edited on the other replica.")
                    .doesNotContain("Written before the other replica edits it.");
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void showsTheirPendingCommentToAReaderWithThePendingCookie() {
        get("/posts/" + OPEN);
        get("/posts/" + OPEN);
        MvcTestResult posted = submit(OPEN, aComment("Mine, still awaiting moderation."));
        commentId(posted);
        Cookie pending = posted.getResponse().getCookie("pending_comments");
        assertThat(pending).isNotNull();
        get("/posts/" + OPEN);

        Document mine = html(get("/posts/" + OPEN, pending));

        assertThat(mine.select(".comment:has(.awaiting-moderation) .comment-text")
                        .text())
                .contains("Mine, still awaiting moderation.");
        assertThat(body(get("/posts/" + OPEN))).doesNotContain("Mine, still awaiting moderation.");
    }

    @Test
    void letsBrowsersAndProxiesKeepListsButOnlyBrowsersKeepArticles() {
        for (String path : List.of("/", "/archive", "/tags/comments-test")) {
            get(path);
            MvcTestResult cached = get(path);

            assertThat(cached.getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
                    .as(path)
                    .startsWith("public, max-age=60");
            assertThat(cached.getResponse().getHeader(HttpHeaders.ETAG))
                    .as(path)
                    .isNotBlank();
        }
        get("/posts/" + OPEN);

        assertThat(get("/posts/" + OPEN).getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("private, no-cache");
    }

    @Test
    void keepsASearchPageLikeAListButNotAnotherQueryString() {
        get("/search?q=liver");
        MvcTestResult stored = get("/search?q=liver");
        MvcTestResult numberedPage = get("/search?q=liver&page=1");

        assertThat(stored.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).startsWith("public, max-age=60");
        assertThat(stored.getResponse().getHeader(HttpHeaders.ETAG)).isNotBlank();
        assertThat(numberedPage.getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
                .startsWith("public, max-age=60");
        assertThat(get("/search?q=liver&sort=date").getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
                .as("a query string the search form does not make is not kept")
                .startsWith("no-cache");
    }

    /**
     * A GET as the servlet container passes it on: with the path as servlet path, as Tomcat does
     * for the dispatcher servlet mapped to {@code /} (MockMvc leaves it empty, and the filter keys
     * on it).
     */
    private MvcTestResult get(String path, Cookie... cookies) {
        var request = request(path);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        MvcTestResult result = request.exchange();
        assertThat(result).as(path).hasStatusOk();
        return result;
    }

    private MockMvcTester.MockMvcRequestBuilder request(String path) {
        String servletPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return mvc.get().uri(path).with(request -> {
            request.setServletPath(servletPath);
            return request;
        });
    }

    private static String csrf(Document page) {
        return page.select("form.comment-form-fields input[name=_csrf], #respond input[name=_csrf]")
                .val();
    }

    private static String formToken(Document page) {
        return page.select("input[name=formToken]").val();
    }

    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"(_csrf|formToken)\" value=\"[^\"]*\"", "name=\"$1\" value=\"\"");
    }
}
