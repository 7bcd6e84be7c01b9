package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rlsblog.CommentSiteTestSupport;
import org.rlsblog.HostilePayloads;
import org.rlsblog.comments.CommentStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every payload of {@code hostile-payloads.txt} is posted in every field a reader fills in (name,
 * website, comment) and the article page is read back with jsoup, as the writer while the comment
 * is pending and by anyone once it is approved (and, where a field is refused, the page that gives
 * the text back): nothing the reader typed may become an element or an attribute.
 */
class HostileCommentTests extends CommentSiteTestSupport {

    private static final String POST = "hostile";

    /** Every element the comment section may hold: the thread and the form. */
    private static final Set<String> SECTION_ELEMENTS = Set.of(
            "section",
            "h2",
            "ol",
            "li",
            "article",
            "header",
            "span",
            "a",
            "time",
            "p",
            "div",
            "br",
            "form",
            "input",
            "label",
            "textarea",
            "button");

    private static final Set<String> SECTION_ATTRIBUTES = Set.of(
            "id",
            "class",
            "href",
            "rel",
            "datetime",
            "data-reply-to",
            "data-reply-name",
            "method",
            "action",
            "novalidate",
            "type",
            "name",
            "value",
            "maxlength",
            "autocomplete",
            "required",
            "for",
            "rows",
            "tabindex",
            "placeholder",
            "checked",
            "role",
            "aria-labelledby",
            "aria-label",
            "aria-hidden",
            "aria-invalid",
            "aria-describedby");

    static List<String> hostilePayloads() {
        return HostilePayloads.all();
    }

    @ParameterizedTest
    @MethodSource("hostilePayloads")
    void rendersAHostilePayloadInAnyFieldAsTextOnly(String payload) {
        List<Long> accepted = new ArrayList<>();
        for (Map<String, String> fields : List.of(inBody(payload), inName(payload), inWebsite(payload))) {
            MvcTestResult result = submit(POST, fields);
            int status = result.getResponse().getStatus();
            if (status == 303) {
                long id = commentId(result);
                accepted.add(id);
                Cookie pending = result.getResponse().getCookie("pending_comments");
                Document writer = page(POST, pending);
                assertThat(writer.getElementById("comment-" + id))
                        .as("own pending comment shown")
                        .isNotNull();
                assertSafe(writer, payload);
            } else {
                assertThat(status).as("a refused field gives the page back").isEqualTo(422);
                assertSafe(html(result), payload);
            }
        }
        assertThat(accepted).as("the payload in the comment text is accepted").isNotEmpty();

        try {
            accepted.forEach(id -> comments.moderate(id, CommentStatus.APPROVED));
            Document anyone = page(POST);
            for (long id : accepted) {
                assertThat(anyone.getElementById("comment-" + id)).isNotNull();
            }
            assertSafe(anyone, payload);
            assertSafe(
                    html(mvc.get()
                            .uri("/posts/" + POST + "?replyTo=" + accepted.get(0))
                            .exchange()),
                    payload);
        } finally {
            // keep the page small for the next payload
            accepted.forEach(comments::delete);
        }
    }

    private Map<String, String> inBody(String payload) {
        Map<String, String> fields = aComment(payload);
        fields.put("name", "Body carrier");
        return fields;
    }

    private Map<String, String> inName(String payload) {
        Map<String, String> fields = aComment("The payload is in my name.");
        fields.put("name", payload);
        return fields;
    }

    private Map<String, String> inWebsite(String payload) {
        Map<String, String> fields = aComment("The payload is in my website.");
        fields.put("website", payload);
        return fields;
    }

    private static void assertSafe(Document page, String payload) {
        assertThat(page.select("[^on]"))
                .as("event handler attributes for %s", payload)
                .isEmpty();
        assertThat(page.select("script:not([src^=/]):not([type=application/ld+json])"))
                .as("inline scripts")
                .isEmpty();
        for (Element data : page.select("script[type=application/ld+json]")) {
            assertThat(data.data()).as("JSON-LD data block").doesNotContain("<").doesNotContain(payload);
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String value =
                        attribute.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                if (Set.of("href", "src", "action", "formaction", "xlink:href").contains(attribute.getKey())) {
                    assertThat(value)
                            .as("<%s %s> for %s", element.tagName(), attribute.getKey(), payload)
                            .doesNotStartWith("javascript:")
                            .doesNotStartWith("data:")
                            .doesNotStartWith("vbscript:");
                }
            }
        }
        Element section = page.getElementById("comments");
        assertThat(section).isNotNull();
        for (Element element : section.getAllElements()) {
            assertThat(element.tagName())
                    .as("element in the comment section for %s", payload)
                    .isIn(SECTION_ELEMENTS);
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey())
                        .as("attribute of <%s> for %s", element.tagName(), payload)
                        .isIn(SECTION_ATTRIBUTES);
            }
        }
        for (Element comment : page.select(".comment")) {
            assertThat(comment.select("script, svg, img, iframe, object, embed, style, math, video, form"))
                    .isEmpty();
            for (Element a : comment.select(".comment-text a, .comment-author a")) {
                assertThat(a.attr("href").toLowerCase(Locale.ROOT)).matches("^https?://.*");
                assertThat(HostilePayloads.relTokens(a)).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
            }
            for (Element text : comment.select(".comment-text")) {
                for (Element inside : text.select("*")) {
                    if (inside != text) {
                        assertThat(inside.tagName()).isIn("p", "br", "a");
                    }
                }
            }
        }
    }
}
