package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rlsblog.CommentSiteTestSupport;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.CommentThread;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class CommentControllerTests extends CommentSiteTestSupport {

    private static final String OPEN = "open-for-comments";

    // ---- Posting ----

    @Test
    void redirectsAnAcceptedCommentToItsAnchorWithSeeOther() {
        MvcTestResult posted = submit(OPEN, aComment("A perfectly normal comment."));

        long id = commentId(posted);
        assertThat(posted).hasStatus(303).hasRedirectedUrl("/posts/" + OPEN + "#comment-" + id);
        assertThat(comments.find(id)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(CommentStatus.PENDING);
            assertThat(c.body()).isEqualTo("A perfectly normal comment.");
        });
    }

    @Test
    void showsAPendingCommentWithAwaitingModerationOnlyToItsWriter() {
        MvcTestResult posted = submit(OPEN, aComment("Only I can see this for now."));
        long id = commentId(posted);
        Cookie pending = posted.getResponse().getCookie("pending_comments");
        assertThat(pending).isNotNull();
        assertThat(pending.isHttpOnly()).isTrue();

        Document writer = page(OPEN, pending);
        Element mine = writer.getElementById("comment-" + id);
        assertThat(mine).isNotNull();
        assertThat(mine.hasClass("pending")).isTrue();
        assertThat(mine.select(".awaiting-moderation").text()).isEqualTo("Your comment is awaiting moderation.");
        assertThat(mine.select(".comment-text").text()).isEqualTo("Only I can see this for now.");
        assertThat(mine.select(".reply-link"))
                .as("no replies to a pending comment")
                .isEmpty();

        Document other = page(OPEN);
        assertThat(other.getElementById("comment-" + id)).isNull();
        assertThat(other.select(".awaiting-moderation")).isEmpty();
    }

    @Test
    void ignoresAForgedPendingCookie() {
        long id = commentId(submit(OPEN, aComment("Pending and private.")));

        Document page = page(OPEN, new Cookie("pending_comments", id + ".0123456789abcdef"));

        assertThat(page.getElementById("comment-" + id)).isNull();
    }

    @Test
    void showsAnApprovedCommentToEveryReaderWithoutTheAwaitingNote() {
        long id = commentId(submit(OPEN, aComment("Approved for all to read.")));
        comments.moderate(id, CommentStatus.APPROVED);

        Element shown = page(OPEN).getElementById("comment-" + id);

        assertThat(shown).isNotNull();
        assertThat(shown.hasClass("pending")).isFalse();
        assertThat(shown.select(".awaiting-moderation")).isEmpty();
        assertThat(shown.select(".comment-author").text()).isEqualTo("Reader Name");
    }

    // ---- Validation ----

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("name", "", "Please enter your name."),
                Arguments.of("name", "n".repeat(101), "Your name can be at most 100 characters."),
                Arguments.of("name", "An\u0007na", "Contains characters that are not allowed"),
                Arguments.of("name", "An\nna", "Contains characters that are not allowed"),
                Arguments.of("email", "", "Please enter your e-mail address"),
                Arguments.of("email", "not-an-address", "Please enter a valid e-mail address"),
                Arguments.of("email", "me@localhost", "Please enter a valid e-mail address"),
                Arguments.of("email", "a".repeat(250) + "@example.com", "at most 254 characters"),
                Arguments.of("website", "ftp://example.com/", "must be a web address starting with http"),
                Arguments.of("website", "javascript:alert(1)", "must be a web address starting with http"),
                Arguments.of("website", "www.example.com", "must be a web address starting with http"),
                Arguments.of("website", "https://example.com/" + "p".repeat(200), "at most 200 characters"),
                Arguments.of("body", "", "Please write a comment."),
                Arguments.of("body", "x", "between 2 and 10,000 characters"),
                Arguments.of("body", "x".repeat(10_001), "between 2 and 10,000 characters"),
                Arguments.of("body", "broken \uFFFD text", "Contains characters that are not allowed"),
                Arguments.of("body", "nul \u0000 inside", "Contains characters that are not allowed"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void answersAnInvalidFieldWith422TheMessageNextToItAndEveryTypedValueKept(
            String field, String value, String message) {
        Map<String, String> fields = aComment("My carefully typed comment,\nover two lines.");
        fields.put("website", "https://reader.example/blog");
        fields.put(field, value);

        MvcTestResult result = submit(OPEN, fields);

        assertThat(result).hasStatus(422);
        Document page = html(result);
        assertThat(page.select("#comment-error").text())
                .isEqualTo("Your comment was not posted: please correct the fields marked below.");
        Element error = page.getElementById(field + "-error");
        assertThat(error).as("#%s-error", field).isNotNull();
        assertThat(error.text()).contains(message);
        assertThat(page.getElementById(field).attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById(field).attr("aria-describedby")).isEqualTo(field + "-error");
        assertThat(page.select(".field-error"))
                .as("only the wrong field is marked")
                .hasSize(1);
        assertKept(page, fields);
    }

    @Test
    void keepsTextThatTheServerTrimmedAndStillRejectsAWhitespaceOnlyBody() {
        Map<String, String> fields = aComment("   \n\t  ");

        MvcTestResult result = submit(OPEN, fields);

        assertThat(result).hasStatus(422);
        assertThat(html(result).select("#body-error").text()).contains("Please write a comment.");
    }

    @Test
    void acceptsACommentOfExactlyTenThousandCharacters() {
        assertThat(submit(OPEN, aComment("y".repeat(10_000)))).hasStatus(303);
    }

    /** Every typed value is back in its field (as a browser reads it: NUL becomes U+FFFD). */
    private static void assertKept(Document page, Map<String, String> fields) {
        for (String field : List.of("name", "email", "website", "body")) {
            assertThat(page.getElementById(field).val())
                    .as("kept %s", field)
                    .isEqualTo(fields.get(field).strip().replace("\u0000", "\uFFFD"));
        }
    }

    // ---- Request protection ----

    @Test
    void refusesAPostWithoutACsrfToken() {
        Map<String, String> fields = aComment("No token sent.");
        var request = mvc.post().uri("/posts/{slug}/comments", OPEN).with(from(aNewClient()));
        fields.forEach(request::param);

        assertThat(request.exchange()).hasStatus(403);
    }

    @Test
    void refusesAPostWithAWrongCsrfToken() {
        Map<String, String> fields = aComment("A wrong token sent.");
        var request = mvc.post()
                .uri("/posts/{slug}/comments", OPEN)
                .with(csrf().useInvalidToken())
                .with(from(aNewClient()));
        fields.forEach(request::param);

        assertThat(request.exchange()).hasStatus(403);
    }

    @Test
    void answersABodyLargerThanTheRequestLimitWith413() {
        String form = "name=Big&email=big%40example.com&formToken=" + agedFormToken() + "&body=" + "z".repeat(300_000);

        MvcTestResult result = mvc.post()
                .uri("/posts/{slug}/comments", OPEN)
                .with(csrf())
                .with(from(aNewClient()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(form.getBytes(StandardCharsets.UTF_8))
                .exchange();

        assertThat(result).hasStatus(413);
    }

    // ---- Spam defences ----

    @Test
    void answersASecondCommentFromTheSameClientWithinTheFloodIntervalWith429AndKeepsTheText() {
        String client = aNewClient();
        assertThat(submitFrom(client, OPEN, aComment("First of two."))).hasStatus(303);
        Map<String, String> second = aComment("Second, too soon.");

        MvcTestResult flood = submitFrom(client, OPEN, second);

        assertThat(flood).hasStatus(429);
        Document page = html(flood);
        assertThat(page.select("#comment-error").text()).startsWith("You are posting comments too quickly.");
        assertKept(page, second);
        try {
            clock.advance(Duration.ofSeconds(16));
            assertThat(submitFrom(client, OPEN, aComment("Third, after waiting.")))
                    .hasStatus(303);
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void answersAFormSentFasterThanAPersonTypesWith429UntilTheLeastFillTimeHasPassed() {
        String token = page(OPEN).getElementById("formToken").val();
        Map<String, String> fields = aComment("Typed at robot speed.");
        fields.put("formToken", token);

        try {
            clock.advance(Duration.ofSeconds(1));
            MvcTestResult tooFast = submit(OPEN, fields);

            assertThat(tooFast).hasStatus(429);
            assertThat(html(tooFast).select("#comment-error").text())
                    .startsWith("That was quicker than anyone can type");
            assertKept(html(tooFast), fields);
            assertThat(html(tooFast).getElementById("formToken").val())
                    .as("still the form's own token, so posting again at once is still too fast")
                    .isEqualTo(token);
            clock.advance(Duration.ofSeconds(2));
            assertThat(submit(OPEN, fields)).hasStatus(303);
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void answersAMissingOrForgedFormTokenWith422AndAFreshToken() {
        Map<String, String> missing = aComment("No form token.");
        missing.remove("formToken");
        Map<String, String> forged = aComment("Forged form token.");
        forged.put("formToken", "1000.deadbeef");

        for (Map<String, String> fields : List.of(missing, forged)) {
            MvcTestResult result = submit(OPEN, fields);

            assertThat(result).hasStatus(422);
            Document page = html(result);
            assertThat(page.select("#comment-error").text()).startsWith("This form had expired.");
            assertThat(page.getElementById("formToken").val()).isNotBlank().isNotEqualTo("1000.deadbeef");
            assertThat(page.getElementById("body").val()).isEqualTo(fields.get("body"));
        }
    }

    @Test
    void givesAFormThatExpiredATokenThatCanBePostedAgainAtOnce() {
        Map<String, String> fields = aComment("Typed yesterday, posted today.");
        clock.set(NOW.minus(Duration.ofHours(25)));
        try {
            fields.put("formToken", comments.formToken());
        } finally {
            clock.set(NOW);
        }

        MvcTestResult expired = submit(OPEN, fields);
        assertThat(expired).hasStatus(422);
        assertThat(html(expired).select("#comment-error").text()).startsWith("This form had expired.");
        fields.put("formToken", html(expired).getElementById("formToken").val());

        assertThat(submit(OPEN, fields)).as("posted again at once").hasStatus(303);
    }

    @Test
    void keepsTheReadersOwnFormTokenWhenAFieldIsWrong() {
        Map<String, String> fields = aComment("A comment with a wrong address.");
        fields.put("email", "not-an-address");

        Document page = html(submit(OPEN, fields));

        assertThat(page.getElementById("formToken").val()).isEqualTo(fields.get("formToken"));
        assertThat(page.getElementById("email-error").text().split("valid e-mail address", -1))
                .as("the message once")
                .hasSize(2);
    }

    @Test
    void pointsTheLanguageSwitchOfARefusedCommentAtThePost() {
        Map<String, String> fields = aComment("x");

        Document page = html(submit(OPEN, fields));

        assertThat(page.select(".language-switch a").eachAttr("href"))
                .containsExactly("/posts/" + OPEN + "?lang=en", "/posts/" + OPEN + "?lang=nl");
    }

    @Test
    void offersNoReplyMailsWhenTheSiteCannotSendMail() {
        assertThat(page(OPEN).select("#respond input[name=notifyReplies]")).isEmpty();
        assertThat(page(OPEN).select("#respond input[name=remember]")).hasSize(1);
    }

    @Test
    void answersAFilledHoneypotWith429() {
        Map<String, String> fields = aComment("Robots fill in every field.");
        fields.put("homepage", "https://spam.example");

        MvcTestResult result = submit(OPEN, fields);

        assertThat(result).hasStatus(429);
        assertThat(html(result).select("#comment-error").text()).contains("looked automated");
    }

    @Test
    void answersTheSameTextFromTheSameAddressOnTheSamePostWith409() {
        Map<String, String> fields = aComment("Saying it twice.");
        assertThat(submit(OPEN, fields)).hasStatus(303);
        fields.put("formToken", agedFormToken());

        MvcTestResult again = submit(OPEN, fields);

        assertThat(again).hasStatus(409);
        assertThat(html(again).select("#comment-error").text())
                .isEqualTo("You already posted this comment on this article.");
        assertKept(html(again), fields);
    }

    // ---- Post settings ----

    @Test
    void refusesACommentOnAClosedPostWith403AndKeepsTheText() {
        Map<String, String> fields = aComment("Too late to the party.");

        MvcTestResult result = submit("closed", fields);

        assertThat(result).hasStatus(403);
        Document page = html(result);
        assertThat(page.select("#comment-error").text()).startsWith("Comments on this article are closed");
        assertKept(page, fields);
    }

    @Test
    void showsNoFormOnAClosedPost() {
        Document page = page("closed");

        assertThat(page.select("section#comments")).hasSize(1);
        assertThat(page.select("#respond, form[action$=/comments]")).isEmpty();
        assertThat(page.select(".comments-closed").text()).isEqualTo("Comments are closed.");
    }

    @Test
    void showsNoCommentSectionOnAPostWithHiddenCommentsAndAcceptsNone() {
        Document page = page("hidden");

        assertThat(page.select("#comments, #respond, .comment")).isEmpty();
        assertThat(submit("hidden", aComment("Nobody will read this."))).hasStatus(404);
    }

    // ---- Replies ----

    @Test
    void replyModeSetsTheParentAndTheApprovedReplyShowsNestedUnderIt() {
        long parent = commentId(submit("threaded", aComment("The first word.")));
        comments.moderate(parent, CommentStatus.APPROVED);

        Document replyForm =
                html(mvc.get().uri("/posts/threaded?replyTo=" + parent).exchange());
        assertThat(replyForm.select("input[name=parentId]").val()).isEqualTo(Long.toString(parent));
        assertThat(replyForm.select("#respond-title").text()).isEqualTo("Reply to Reader Name");
        assertThat(replyForm.select(".reply-cancel a").attr("href")).isEqualTo("/posts/threaded#respond");

        Map<String, String> reply = aComment("And a reply to it.");
        reply.put("parentId", replyForm.select("input[name=parentId]").val());
        long child = commentId(submit("threaded", reply));
        assertThat(page("threaded").getElementById("comment-" + child)).isNull();
        comments.moderate(child, CommentStatus.APPROVED);

        Document page = page("threaded");
        assertThat(page.select("#comment-" + parent + " > ol.comment-replies > li#comment-" + child))
                .hasSize(1);
        assertThat(page.select("#comments-title").text()).isEqualTo("2 thoughts on “A threaded discussion”");
    }

    @Test
    void rejectsAReplyToACommentThatIsNotPublishedWith422() {
        long pendingParent = commentId(submit("threaded", aComment("Still pending.")));
        Map<String, String> reply = aComment("Replying to the unseen.");
        reply.put("parentId", Long.toString(pendingParent));

        MvcTestResult result = submit("threaded", reply);

        assertThat(result).hasStatus(422);
        assertThat(html(result).select("#comment-error").text()).startsWith("The comment you replied to");
        assertThat(html(result).getElementById("body").val()).isEqualTo("Replying to the unseen.");
    }

    @Test
    void rejectsAReplyNestedDeeperThanTheLimitWith422() {
        Long parent = null;
        for (int depth = 1; depth <= 3; depth++) {
            Map<String, String> fields = aComment("Depth " + depth);
            if (parent != null) {
                fields.put("parentId", parent.toString());
            }
            parent = commentId(submit("threaded", fields));
            comments.moderate(parent, CommentStatus.APPROVED);
        }
        Map<String, String> tooDeep = aComment("Depth 4");
        tooDeep.put("parentId", parent.toString());

        MvcTestResult result = submit("threaded", tooDeep);

        assertThat(result).hasStatus(422);
        assertThat(html(result).select("#comment-error").text()).startsWith("Replies cannot be nested any deeper.");
        assertThat(page("threaded").select("#comment-" + parent + " .reply-link"))
                .as("no reply link at the deepest level")
                .isEmpty();
    }

    // ---- Remember me ----

    @Test
    void remembersTheWriterOnlyWhenTheyTickRememberMe() {
        Map<String, String> ticked = aComment("Please remember me.");
        ticked.put("name", "Remembered Reader");
        ticked.put("website", "https://remembered.example");
        ticked.put("remember", "true");
        MvcTestResult withConsent = submit("remember-me", ticked);
        MvcTestResult without = submit("remember-me", aComment("Do not remember me."));

        Cookie remembered = withConsent.getResponse().getCookie("comment_author");
        assertThat(remembered).isNotNull();
        assertThat(remembered.getMaxAge()).isPositive();
        assertThat(remembered.isHttpOnly()).isTrue();
        assertThat(without.getResponse().getCookie("comment_author")).isNull();

        Document next = page("remember-me", remembered);
        assertThat(next.getElementById("name").val()).isEqualTo("Remembered Reader");
        assertThat(next.getElementById("email").val()).isEqualTo(ticked.get("email"));
        assertThat(next.getElementById("website").val()).isEqualTo("https://remembered.example");
        assertThat(next.getElementById("remember").hasAttr("checked")).isTrue();
        assertThat(next.getElementById("body").val()).isEmpty();
    }

    @Test
    void forgetsTheWriterWhoUntickedRememberMe() {
        Map<String, String> fields = aComment("Forget me now.");
        Cookie remembered = new Cookie("comment_author", "UmVhZGVyCnJAZXhhbXBsZS5jb20K");

        MvcTestResult result = submit("remember-me", fields, remembered);

        Cookie cleared = result.getResponse().getCookie("comment_author");
        assertThat(cleared).isNotNull();
        assertThat(cleared.getMaxAge()).isZero();
    }

    // ---- Language, seed, privacy ----

    @Test
    void showsTheCommentStringsInDutchForADutchBrowser() {
        Document page = html(mvc.get()
                .uri("/posts/" + SEED_SLUG)
                .header("Accept-Language", "nl-NL,nl;q=0.9")
                .exchange());

        assertThat(page.select("#comments-title").text()).isEqualTo("1 gedachte over “RLS and Liver Diseases”");
        assertThat(page.select("#respond-title").text()).isEqualTo("Laat een reactie achter");
        assertThat(page.select("label[for=body]").text()).isEqualTo("Reactie");
    }

    @Test
    void showsTheSeedCommentUnderTheSeedArticleByteForByte() throws IOException {
        Document page = page(SEED_SLUG);

        assertThat(page.select("#comments-title").text()).isEqualTo("1 thought on “RLS and Liver Diseases”");
        assertThat(page.select("li.comment")).hasSize(1);
        Element seed = page.selectFirst("li.comment");
        assertThat(seed.select(".comment-author").text()).isEqualTo("Anonymous");
        assertThat(seed.select(".comment-author a")).isEmpty();
        assertThat(seed.select(".awaiting-moderation")).isEmpty();
        assertThat(seed.select("time").attr("datetime")).startsWith("2023-03-20");
        assertThat(shownText(seed.selectFirst(".comment-text"))).isEqualTo(seedText());
    }

    /** The importer (content/comments) stored the seed at start-up, approved, as the comments API returns it. */
    @Test
    void importedTheSeedCommentAtStartAsApproved() {
        CommentThread seed = comments.thread(SEED_SLUG, List.of());

        assertThat(seed.count()).isEqualTo(1);
        assertThat(seed.roots().get(0).comment().author().name()).isEqualTo("Anonymous");
        assertThat(seed.roots().get(0).comment().body()).startsWith("Fijn om er over te lezen .");
    }

    @Test
    void neverShowsACommentersEmailAddressOnAnyPage() {
        Map<String, String> fields = aComment("My address must stay private.");
        fields.put("email", "Private.Person@Example.COM");
        MvcTestResult posted = submit(OPEN, fields);
        long id = commentId(posted);
        Cookie pending = posted.getResponse().getCookie("pending_comments");

        List<String> bodies = new ArrayList<>();
        bodies.add(page(OPEN, pending).outerHtml());
        comments.moderate(id, CommentStatus.APPROVED);
        for (String path : List.of(
                "/posts/" + OPEN, "/posts/" + OPEN + "?replyTo=" + id, "/", "/archive", "/tags/comments-test")) {
            MvcTestResult result = mvc.get().uri(path).exchange();
            assertThat(result).hasStatusOk();
            bodies.add(html(result).outerHtml());
        }

        assertThat(bodies)
                .allSatisfy(body -> assertThat(body.toLowerCase(Locale.ROOT))
                        .doesNotContain("private.person@example.com")
                        .doesNotContain("private.person"));
        assertThat(pending.getValue()).doesNotContain("private");
    }

    @Test
    void countsApprovedCommentsOnPostLists() {
        long id = commentId(submit("moderated", aComment("Counted once approved.")));
        int before = countOnTagPage("moderated");
        comments.moderate(id, CommentStatus.APPROVED);

        assertThat(countOnTagPage("moderated")).isEqualTo(before + 1);
    }

    private int countOnTagPage(String slug) {
        Document tag = html(mvc.get().uri("/tags/comments-test").exchange());
        String text =
                tag.select("a.comment-count[href=/posts/" + slug + "#comments]").text();
        assertThat(text).matches("No comments|1 comment|\\d+ comments");
        return text.startsWith("No") ? 0 : Integer.parseInt(text.substring(0, text.indexOf(' ')));
    }

    /** The text a reader sees in a rendered comment: line breaks as newlines, paragraphs as blank lines. */
    private static String shownText(Element commentText) {
        StringBuilder text = new StringBuilder();
        for (Element p : commentText.select("> p")) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            for (Node node : p.childNodes()) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                } else if (node instanceof Element e && e.tagName().equals("br")) {
                    text.append('\n');
                } else if (node instanceof Element e) {
                    text.append(e.wholeText());
                }
            }
        }
        return text.toString();
    }

    private static String seedText() throws IOException {
        Path file = Path.of("content/comments/rls-and-liver-diseases.yml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<?> items = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return (String) ((Map<?, ?>) items.get(0)).get("text");
        }
    }
}
