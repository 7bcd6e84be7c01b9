package org.rlsblog.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlsblog.CommentSiteTestSupport;
import org.rlsblog.comments.Comment;
import org.rlsblog.comments.CommentStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class CommentModerationControllerTests extends CommentSiteTestSupport {

    @Autowired
    JdbcClient jdbc;

    private static final String POST = "moderated";

    private long aPendingComment(String body) {
        return commentId(submit(POST, aComment(body)));
    }

    private MvcTestResult asAuthor(Cookie session, String path, String... params) {
        var request = mvc.post().uri(path).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private CommentStatus statusOf(long id) {
        return comments.find(id).map(Comment::status).orElseThrow();
    }

    // ---- Closed to anyone else ----

    static Stream<String> adminPages() {
        return Stream.of(
                "/admin", "/admin/", "/admin/comments", "/admin/comments?status=spam", "/admin/comments?page=2");
    }

    @ParameterizedTest
    @MethodSource("adminPages")
    void sendsAnAnonymousVisitorOfAnAdminPageToTheLogin(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();

        assertThat(result).hasStatus(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/admin/login");
    }

    static Stream<String> adminActions() {
        return Stream.of("approve", "unapprove", "spam", "trash", "restore", "delete", "edit", "reply", "bulk");
    }

    @ParameterizedTest
    @MethodSource("adminActions")
    void refusesEveryAdminActionWithoutALoginAndChangesNothing(String action) {
        long id = aPendingComment("Untouchable " + action);
        String path = action.equals("bulk") ? "/admin/comments/bulk" : "/admin/comments/" + id + "/" + action;

        MvcTestResult result = mvc.post()
                .uri(path)
                .with(csrf())
                .param("ids", Long.toString(id))
                .param("action", "delete")
                .param("body", "Changed by a stranger")
                .exchange();

        assertThat(result.getResponse().getStatus()).isIn(302, 401, 403);
        if (result.getResponse().getStatus() == 302) {
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/admin/login");
        }
        assertThat(comments.find(id)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(CommentStatus.PENDING);
            assertThat(c.body()).isEqualTo("Untouchable " + action);
        });
    }

    @Test
    void showsTheLoginPageToAnyone() {
        assertThat(mvc.get().uri("/admin/login").exchange()).hasStatusOk();
    }

    @Test
    void refusesAnAdminActionWithoutACsrfTokenEvenWhenLoggedIn() {
        Cookie session = login();
        long id = aPendingComment("Cross-site attempt");

        assertThat(mvc.post()
                        .uri("/admin/comments/{id}/approve", id)
                        .cookie(session)
                        .exchange())
                .hasStatus(403);
        assertThat(statusOf(id)).isEqualTo(CommentStatus.PENDING);
    }

    // ---- Login ----

    @Test
    void changesTheSessionIdOnLogin() {
        Cookie before = login();

        MvcTestResult result = mvc.post()
                .uri("/admin/login")
                .cookie(before)
                .with(csrf())
                .with(from(aNewClient()))
                .param("username", "author")
                .param("password", ADMIN_PASSWORD)
                .exchange();

        assertThat(result).hasStatus(302).hasRedirectedUrl("/admin/comments");
        Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void keepsNoSessionForAFailedLogin() {
        long sessionsBefore = sessionRows();

        MvcTestResult failed = mvc.post()
                .uri("/admin/login")
                .with(csrf())
                .with(from(aNewClient()))
                .param("username", "author")
                .param("password", "not the password")
                .exchange();

        assertThat(failed).hasStatus(302).hasRedirectedUrl("/admin/login?error");
        assertThat(failed.getResponse().getCookie("SESSION")).isNull();
        assertThat(sessionRows()).isEqualTo(sessionsBefore);
    }

    @Test
    void logsOutToTheLoginPageWhichSaysSoAndOffersNoLogOut() throws Exception {
        Cookie session = login();
        Document queue = Jsoup.parse(mvc.get()
                .uri("/admin/comments")
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString());
        assertThat(queue.select("form[action=/admin/logout]")).hasSize(1);

        MvcTestResult loggedOut =
                mvc.post().uri("/admin/logout").cookie(session).with(csrf()).exchange();
        assertThat(loggedOut).hasStatus(302).hasRedirectedUrl("/admin/login?logout");

        Document login = Jsoup.parse(
                mvc.get().uri("/admin/login?logout").exchange().getResponse().getContentAsString());
        assertThat(login.select("[role=status]").text()).isNotBlank();
        assertThat(login.select("form[action=/admin/logout]")).isEmpty();
        assertThat(login.html()).doesNotContain("sec:");
    }

    private long sessionRows() {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
    }

    /**
     * The throttle matches on the servlet path, which Tomcat sets ("/admin/login" under the
     * DispatcherServlet at "/") and MockMvc leaves empty: set it as Tomcat would.
     */
    private static RequestPostProcessor asTomcatDispatches() {
        return request -> {
            request.setServletPath(request.getRequestURI());
            request.setPathInfo(null);
            return request;
        };
    }

    @Test
    void answersTheSixthLoginAttemptFromOneClientWith429() {
        String client = aNewClient();
        for (int attempt = 1; attempt <= 5; attempt++) {
            MvcTestResult wrong = mvc.post()
                    .uri("/admin/login")
                    .with(csrf())
                    .with(from(client))
                    .with(asTomcatDispatches())
                    .param("username", "author")
                    .param("password", "guess " + attempt)
                    .exchange();
            assertThat(wrong).as("attempt %d", attempt).hasStatus(302).hasRedirectedUrl("/admin/login?error");
        }

        MvcTestResult sixth = mvc.post()
                .uri("/admin/login")
                .with(csrf())
                .with(from(client))
                .with(asTomcatDispatches())
                .param("username", "author")
                .param("password", ADMIN_PASSWORD)
                .exchange();

        assertThat(sixth).hasStatus(429);
        assertThat(sixth.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(login()).as("another client can still log in").isNotNull();
    }

    // ---- Actions ----

    @Test
    void approvesACommentSoItShowsOnTheArticle() {
        Cookie session = login();
        long id = aPendingComment("Please approve me.");
        assertThat(page(POST).getElementById("comment-" + id)).isNull();

        MvcTestResult result = asAuthor(session, "/admin/comments/" + id + "/approve", "returnTo", "pending");

        assertThat(result).hasStatus(302).hasRedirectedUrl("/admin/comments?status=pending");
        assertThat(result.getMvcResult().getFlashMap().get("message")).isEqualTo("admin.done.approve");
        assertThat(statusOf(id)).isEqualTo(CommentStatus.APPROVED);
        Element shown = page(POST).getElementById("comment-" + id);
        assertThat(shown).isNotNull();
        assertThat(shown.select(".comment-text").text()).isEqualTo("Please approve me.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unapprove", "spam", "trash"})
    void takesAnApprovedCommentOffTheArticle(String action) {
        Cookie session = login();
        long id = aPendingComment("Approved, then " + action);
        comments.moderate(id, CommentStatus.APPROVED);

        assertThat(asAuthor(session, "/admin/comments/" + id + "/" + action, "returnTo", "approved"))
                .hasStatus(302)
                .hasRedirectedUrl("/admin/comments?status=approved");

        assertThat(statusOf(id))
                .isEqualTo(Map.of(
                                "unapprove", CommentStatus.PENDING,
                                "spam", CommentStatus.SPAM,
                                "trash", CommentStatus.TRASH)
                        .get(action));
        assertThat(page(POST).getElementById("comment-" + id)).isNull();
    }

    @Test
    void restoresSpamAndTrashToPending() {
        Cookie session = login();
        long spam = aPendingComment("Not really spam");
        long trash = aPendingComment("Not really trash");
        comments.moderate(spam, CommentStatus.SPAM);
        comments.moderate(trash, CommentStatus.TRASH);

        asAuthor(session, "/admin/comments/" + spam + "/restore", "returnTo", "spam");
        asAuthor(session, "/admin/comments/" + trash + "/restore", "returnTo", "trash");

        assertThat(statusOf(spam)).isEqualTo(CommentStatus.PENDING);
        assertThat(statusOf(trash)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void deletesACommentForGood() {
        Cookie session = login();
        long id = aPendingComment("Delete me");

        assertThat(asAuthor(session, "/admin/comments/" + id + "/delete")).hasStatus(302);

        assertThat(comments.find(id)).isEmpty();
        assertThat(asAuthor(session, "/admin/comments/" + id + "/delete")).hasStatus(404);
    }

    @Test
    void savesAnEditedTextAndShowsItOnTheArticle() {
        Cookie session = login();
        long id = aPendingComment("Teh typo");
        comments.moderate(id, CommentStatus.APPROVED);

        assertThat(asAuthor(session, "/admin/comments/" + id + "/edit", "body", "  The typo, fixed.  "))
                .hasStatus(302);

        assertThat(comments.find(id))
                .hasValueSatisfying(c -> assertThat(c.body()).isEqualTo("The typo, fixed."));
        assertThat(page(POST).select("#comment-" + id + " .comment-text").text())
                .isEqualTo("The typo, fixed.");
        assertThat(asAuthor(session, "/admin/comments/" + id + "/edit", "body", "x")
                        .getResponse()
                        .getStatus())
                .as("a one-character text is refused")
                .isBetween(400, 499);
    }

    @Test
    void publishesTheAuthorsReplyAtOnceMarkedAsTheAuthors() {
        Cookie session = login();
        long question = aPendingComment("A question for the author?");

        assertThat(asAuthor(session, "/admin/comments/" + question + "/reply", "body", "Here is my answer."))
                .hasStatus(302);

        Document page = page(POST);
        Element parent = page.getElementById("comment-" + question);
        assertThat(parent).as("the question is approved with the answer").isNotNull();
        Element reply = parent.selectFirst("ol.comment-replies > li.comment");
        assertThat(reply).isNotNull();
        assertThat(reply.hasClass("by-author")).isTrue();
        assertThat(reply.select(".author-badge").text()).isEqualTo("Author");
        assertThat(reply.select(".comment-author").text()).isEqualTo("Site Author");
        assertThat(reply.select(".comment-text").text()).isEqualTo("Here is my answer.");
        assertThat(reply.select(".awaiting-moderation")).isEmpty();
        assertThat(page.outerHtml()).doesNotContain("author@rlsblog.test");
    }

    @Test
    void approvesSeveralCommentsAtOnce() {
        Cookie session = login();
        long first = aPendingComment("Bulk one");
        long second = aPendingComment("Bulk two");
        long untouched = aPendingComment("Bulk not selected");

        MvcTestResult result = asAuthor(
                session,
                "/admin/comments/bulk",
                "ids",
                Long.toString(first),
                "ids",
                Long.toString(second),
                "action",
                "approve",
                "returnTo",
                "pending");

        assertThat(result).hasStatus(302).hasRedirectedUrl("/admin/comments?status=pending");
        assertThat(result.getMvcResult().getFlashMap().get("messageCount")).isEqualTo(2);
        assertThat(statusOf(first)).isEqualTo(CommentStatus.APPROVED);
        assertThat(statusOf(second)).isEqualTo(CommentStatus.APPROVED);
        assertThat(statusOf(untouched)).isEqualTo(CommentStatus.PENDING);
        assertThat(asAuthor(session, "/admin/comments/bulk", "ids", "1", "action", "explode"))
                .hasStatus(400);
    }

    // ---- The queue ----

    @Test
    void showsTabsWithTheCountOfEachStatusAndTheQueueOfTheCurrentOne() {
        Cookie session = login();
        long spam = aPendingComment("Spam for the tab");
        comments.moderate(spam, CommentStatus.SPAM);
        Map<CommentStatus, Long> counts = comments.countByStatus();

        MvcTestResult result =
                mvc.get().uri("/admin/comments?status=spam").cookie(session).exchange();

        assertThat(result).hasStatusOk();
        Document page = html(result);
        List<String> tabs = page.select("nav.tabs li a").eachText();
        assertThat(tabs)
                .containsExactly(
                        "Pending (" + counts.get(CommentStatus.PENDING) + ")",
                        "Approved (" + counts.get(CommentStatus.APPROVED) + ")",
                        "Spam (" + counts.get(CommentStatus.SPAM) + ")",
                        "Trash (" + counts.get(CommentStatus.TRASH) + ")");
        assertThat(page.select("nav.tabs a[aria-current=page]").text()).startsWith("Spam");
        assertThat(page.getElementById("queue-" + spam)).isNotNull();
        assertThat(page.select("#queue-" + spam + " .queue-text").text()).isEqualTo("Spam for the tab");
        assertThat(mvc.get()
                        .uri("/admin/comments?status=nonsense")
                        .cookie(session)
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void offersEachCommentTheButtonsThatChangeItEachPostingToItsAction() {
        Cookie session = login();
        long spam = aPendingComment("Spam with its buttons");
        comments.moderate(spam, CommentStatus.SPAM);

        Document page = html(
                mvc.get().uri("/admin/comments?status=spam").cookie(session).exchange());

        assertThat(page.select("#queue-" + spam + " .queue-actions button").eachAttr("name"))
                .containsExactly("approve", "trash", "restore", "delete");
        assertThat(page.select("#queue-" + spam + " .queue-actions form").eachAttr("action"))
                .containsExactly(
                        "/admin/comments/" + spam + "/approve",
                        "/admin/comments/" + spam + "/trash",
                        "/admin/comments/" + spam + "/restore",
                        "/admin/comments/" + spam + "/delete");
        assertThat(page.select("#queue-" + spam + " button.danger").eachAttr("name"))
                .containsExactly("delete");
        assertThat(page.select("#queue-" + spam + " .queue-actions input[name=returnTo]")
                        .eachAttr("value"))
                .containsOnly("spam");
    }

    @Test
    void showsTheCommentersAddressesButLinksOnlyAnHttpWebsite() {
        Cookie session = login();
        Map<String, String> linked = aComment("With a website");
        linked.put("website", "https://reader.example/");
        long withSite = commentId(submit(POST, linked));
        long withOldAddress = aPendingComment("With an address stored before imports were checked");
        jdbc.sql("UPDATE comment SET author_url = 'javascript:alert(1)' WHERE id = :id")
                .param("id", withOldAddress)
                .update();

        Document page = html(mvc.get().uri("/admin/comments").cookie(session).exchange());

        assertThat(page.select("#queue-" + withSite + " a[rel~=nofollow]").attr("href"))
                .isEqualTo("https://reader.example/");
        assertThat(page.select("#queue-" + withSite).text()).contains("Reader Name", linked.get("email"));
        assertThat(page.select("#queue-" + withOldAddress + " a[rel~=nofollow]"))
                .isEmpty();
        assertThat(page.select("#queue-" + withOldAddress).outerHtml()).doesNotContain("javascript:");
    }

    @Test
    void showsAHostileCommentInTheQueueAsText() {
        Cookie session = login();
        long id = aPendingComment("<script>alert(1)</script><img src=x onerror=alert(1)>");

        Document page = html(mvc.get().uri("/admin/comments").cookie(session).exchange());

        assertThat(page.select("#queue-" + id + " .queue-text").text())
                .isEqualTo("<script>alert(1)</script><img src=x onerror=alert(1)>");
        assertThat(page.select("#queue-" + id + " script, #queue-" + id + " img"))
                .isEmpty();
    }
}
