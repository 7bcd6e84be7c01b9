package org.rlsblog.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.body;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rlsblog.SeoSiteTestSupport;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FeedControllerTests extends SeoSiteTestSupport {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    CommentService comments;

    @Test
    void writesAnAtomFeedWithIdTitleUpdatedAndSelfLinkFromTheBaseUrl() {
        MvcTestResult result = mvc.get().uri("/feed.atom").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/atom+xml");
        Element feed = xml(result).getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(text(feed, "id")).isEqualTo(BASE_URL + "/feed.atom");
        assertThat(text(feed, "title")).isNotBlank();
        assertThat(OffsetDateTime.parse(text(feed, "updated")).toInstant())
                .isEqualTo(Instant.parse("2025-04-02T08:30:00Z"));
        assertThat(link(feed, "self")).isEqualTo(BASE_URL + "/feed.atom");
        assertThat(link(feed, "alternate")).isEqualTo(BASE_URL + "/");
    }

    @Test
    void givesEveryAtomEntryATitleAnAbsoluteLinkDatesAnAuthorAndItsContent() {
        Element feed = xml(mvc.get().uri("/feed.atom").exchange()).getDocumentElement();
        List<Element> entries = children(feed, "entry");

        assertThat(entries).isNotEmpty();
        for (Element entry : entries) {
            assertThat(text(entry, "title")).isNotBlank();
            assertThat(link(entry, "alternate")).startsWith(BASE_URL + "/posts/");
            assertThat(text(entry, "id")).startsWith(BASE_URL + "/posts/");
            assertThat(OffsetDateTime.parse(text(entry, "published"))).isNotNull();
            assertThat(OffsetDateTime.parse(text(entry, "updated"))).isNotNull();
            assertThat(text(first(entry, "author"), "name")).isNotBlank();
            assertThat(first(entry, "content").getAttribute("type")).isEqualTo("html");
        }
        Element reviewed = entry(feed, REVIEWED_SLUG);
        assertThat(text(reviewed, "title")).isEqualTo("Iron tablets, reviewed");
        assertThat(OffsetDateTime.parse(text(reviewed, "published")).toInstant())
                .isEqualTo(Instant.parse("2025-03-10T08:00:00Z"));
        assertThat(OffsetDateTime.parse(text(reviewed, "updated")).toInstant())
                .isEqualTo(Instant.parse("2025-04-02T08:30:00Z"));
        assertThat(children(reviewed, "category"))
                .extracting(c -> c.getAttribute("term"))
                .containsExactly("iron", "RLS");
    }

    @Test
    void makesSiteRelativeLinksAndImagesInTheFullContentAbsolute() {
        Element feed = xml(mvc.get().uri("/feed.atom").exchange()).getDocumentElement();
        var content = Jsoup.parseBodyFragment(text(entry(feed, REVIEWED_SLUG), "content"));

        assertThat(content.text()).contains("Iron tablets help some people with restless legs.");
        assertThat(content.select("a[href=" + BASE_URL + "/about]")).hasSize(1);
        assertThat(content.select("a[href=https://other.example.com/page]")).hasSize(1);
        assertThat(content.select("img").eachAttr("src")).containsExactly(BASE_URL + "/media/iron.jpg");
        assertThat(content.select("a[href], img[src]"))
                .allSatisfy(e -> assertThat(e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                        .matches("https?://.+"));
    }

    @Test
    void writesAnRss2ChannelWithItemsLinkingAbsolutely() {
        MvcTestResult result = mvc.get().uri("/feed.rss").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/rss+xml");
        Element rss = xml(result).getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = first(rss, "channel");
        assertThat(text(channel, "title")).isNotBlank();
        assertThat(text(channel, "link")).isEqualTo(BASE_URL + "/");
        assertThat(text(channel, "description")).isNotBlank();
        List<Element> items = children(channel, "item");
        assertThat(items).isNotEmpty();
        for (Element item : items) {
            assertThat(text(item, "title")).isNotBlank();
            assertThat(text(item, "link")).startsWith(BASE_URL + "/posts/");
            assertThat(text(item, "pubDate")).isNotBlank();
        }
        assertThat(items)
                .extracting(item -> text(item, "link"))
                .contains(BASE_URL + "/posts/" + SEED_SLUG, BASE_URL + "/posts/" + REVIEWED_SLUG);
    }

    @Test
    void answersWordPressFeedAddressesWithRss() {
        for (String path : List.of("/feed/", "/feed")) {
            MvcTestResult result = mvc.get().uri(path).exchange();

            assertThat(result).as(path).hasStatusOk();
            assertThat(result.getResponse().getContentType()).as(path).startsWith("application/rss+xml");
            assertThat(xml(result).getDocumentElement().getTagName()).as(path).isEqualTo("rss");
        }
    }

    @Test
    void putsOnlyPostsWithTheTagInATagFeed() {
        MvcTestResult result = mvc.get().uri("/tags/iron/feed.atom").exchange();

        assertThat(result).hasStatusOk();
        Element feed = xml(result).getDocumentElement();
        assertThat(link(feed, "self")).isEqualTo(BASE_URL + "/tags/iron/feed.atom");
        assertThat(children(feed, "entry"))
                .extracting(e -> link(e, "alternate"))
                .containsExactly(BASE_URL + "/posts/" + REVIEWED_SLUG, BASE_URL + "/posts/" + SEED_SLUG);
        assertThat(mvc.get().uri("/tags/no-such-tag/feed.atom").exchange()).hasStatus(404);
    }

    @Test
    void neverPutsDraftsOrScheduledPostsInAFeed() {
        for (String path : List.of("/feed.atom", "/feed.rss")) {
            String feed = body(mvc.get().uri(path).exchange());

            assertThat(feed).as(path).doesNotContain(DRAFT_SLUG, "zanzibarian", SCHEDULED_SLUG, "quokka");
        }
        assertThat(mvc.get().uri("/tags/draft-only/feed.atom").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/tags/future-only/feed.atom").exchange()).hasStatus(404);
    }

    @Test
    void putsAScheduledPostInTheFeedOnceItsTimeHasCome() {
        at(SCHEDULED_AT.plusSeconds(60), () -> {
            Element feed = xml(mvc.get().uri("/feed.atom").exchange()).getDocumentElement();

            assertThat(link(children(feed, "entry").get(0), "alternate"))
                    .isEqualTo(BASE_URL + "/posts/" + SCHEDULED_SLUG);
        });
        assertThat(body(mvc.get().uri("/feed.atom").exchange())).doesNotContain(SCHEDULED_SLUG);
    }

    @Test
    void listsOnlyApprovedCommentsInTheCommentFeedAndNoEmailAddress() {
        comments.importComments(List.of(
                imported("feed-approved", "Approved words for the feed.", CommentStatus.APPROVED),
                imported("feed-pending", "Pending words stay out.", CommentStatus.PENDING),
                imported("feed-spam", "Spam words stay out.", CommentStatus.SPAM)));

        MvcTestResult result = mvc.get().uri("/comments/feed.atom").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/atom+xml");
        String body = body(result);
        Element feed = xml(result).getDocumentElement();
        List<Element> entries = children(feed, "entry");
        assertThat(entries)
                .extracting(e -> text(e, "summary"))
                .contains("Approved words for the feed.")
                .doesNotContain("Pending words stay out.", "Spam words stay out.");
        assertThat(entries)
                .allSatisfy(e -> assertThat(link(e, "alternate"))
                        .matches(Pattern.quote(BASE_URL) + "/posts/[a-z0-9-]+#comment-\\d+"));
        assertThat(body).doesNotContain("@").doesNotContainIgnoringCase("feed.reader");
    }

    @Test
    void answersARepeatedRequestWithTheSameEtagWith304() {
        for (String path : List.of("/feed.atom", "/feed.rss", "/tags/iron/feed.atom", "/comments/feed.atom")) {
            MvcTestResult first = mvc.get().uri(path).exchange();
            String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
            assertThat(etag).as(path).isNotBlank();

            MvcTestResult again =
                    mvc.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange();

            assertThat(again).as(path).hasStatus(304);
            assertThat(again.getResponse().getContentAsByteArray()).as(path).isEmpty();
            assertThat(mvc.get()
                            .uri(path)
                            .header(HttpHeaders.IF_NONE_MATCH, "\"something-else\"")
                            .exchange())
                    .as(path)
                    .hasStatusOk();
        }
    }

    @Test
    void answersARequestSinceTheLastModificationWith304() {
        MvcTestResult first = mvc.get().uri("/feed.atom").exchange();
        String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(lastModified).isEqualTo("Wed, 02 Apr 2025 08:30:00 GMT");

        assertThat(mvc.get()
                        .uri("/feed.atom")
                        .header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                        .exchange())
                .hasStatus(304);
        assertThat(mvc.get()
                        .uri("/feed.atom")
                        .header(HttpHeaders.IF_MODIFIED_SINCE, "Tue, 01 Apr 2025 08:30:00 GMT")
                        .exchange())
                .hasStatusOk();
    }

    // ---- helpers ----

    private static ImportedComment imported(String key, String body, CommentStatus status) {
        return ImportedComment.builder()
                .importKey("feed-test:" + key)
                .postSlug(REVIEWED_SLUG)
                .author(Author.of("Feed Reader", "Feed.Reader@Example.com"))
                .body(body)
                .status(status)
                .createdAt(NOW.minusSeconds(3600))
                .build();
    }

    private static Document xml(MvcTestResult result) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e, e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).isNotEmpty();
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return first(parent, name).getTextContent().strip();
    }

    private static String link(Element parent, String rel) {
        return children(parent, "link").stream()
                .filter(l -> rel.equals(l.getAttribute("rel").isEmpty() ? "alternate" : l.getAttribute("rel")))
                .map(l -> l.getAttribute("href"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link rel=" + rel));
    }

    private static Element entry(Element feed, String slug) {
        return children(feed, "entry").stream()
                .filter(e -> link(e, "alternate").equals(BASE_URL + "/posts/" + slug))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + slug));
    }
}
