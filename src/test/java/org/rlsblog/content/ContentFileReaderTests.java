package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ContentFileReaderTests {

    private static final Path FILE = Path.of("content/posts/hello-world.md");

    private final ContentFileReader reader = ContentFixtures.reader();

    private static String post(String frontMatter, String body) {
        return "---\n" + frontMatter.strip() + "\n---\n" + body;
    }

    private static String post(String frontMatter) {
        return post(frontMatter, "First paragraph of the post.\n\nSecond paragraph.\n");
    }

    private Post read(String text) throws ContentFileException {
        return reader.readPost(FILE, text).item();
    }

    private ContentFileException failure(String text) {
        return catchThrowableOfType(ContentFileException.class, () -> reader.readPost(FILE, text));
    }

    @Test
    void readsAMinimalPost() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01"));

        assertThat(post.title()).isEqualTo("Hello");
        assertThat(post.slug()).isEqualTo("hello-world");
        assertThat(post.html().toString()).contains("<p>First paragraph of the post.</p>");
        assertThat(post.source()).isEqualTo(FILE);
        assertThat(post.readingMinutes()).isEqualTo(1);
    }

    @Test
    void rejectsMissingTitle() {
        ContentFileException e = failure(post("date: 2024-05-01"));

        assertThat(e.getMessage()).isEqualTo("'title' is required");
    }

    @Test
    void rejectsBlankTitleOnItsLine() {
        ContentFileException e = failure(post("date: 2024-05-01\ntitle: ''"));

        assertThat(e.getMessage()).isEqualTo("'title' is required");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void rejectsATitleThatIsAList() {
        ContentFileException e = failure(post("title: [a, b]\ndate: 2024-05-01"));

        assertThat(e.getMessage()).contains("'title' must be a single value");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void rejectsMissingDate() {
        ContentFileException e = failure(post("title: Hello"));

        assertThat(e.getMessage()).isEqualTo("'date' is required");
    }

    @Test
    void rejectsADateThatIsNotIso() {
        ContentFileException e = failure(post("title: Hello\ndate: 01-05-2024"));

        assertThat(e.getMessage()).contains("'date' must be an ISO date").contains("01-05-2024");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void rejectsAnImpossibleDate() {
        ContentFileException e = failure(post("title: Hello\ndate: 2024-02-30"));

        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void readsADateAsMidnightInTheSiteTimeZone() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01"));

        assertThat(post.published()).isEqualTo(ZonedDateTime.of(2024, 5, 1, 0, 0, 0, 0, ContentFixtures.AMSTERDAM));
    }

    @Test
    void readsADateTimeWithoutOffsetInTheSiteTimeZone() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01T09:30:00"));

        assertThat(post.published().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T09:30:00+02:00"));
    }

    @Test
    void readsADateTimeWithASpaceInsteadOfT() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01 09:30"));

        assertThat(post.published().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T09:30:00+02:00"));
    }

    @Test
    void readsADateTimeWithOffsetAsTheSameInstant() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-01-15T09:30:00Z"));

        assertThat(post.published().toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-01-15T09:30:00Z").toInstant());
        assertThat(post.published().getZone()).isEqualTo(ContentFixtures.AMSTERDAM);
    }

    @Test
    void readsUpdatedAndRejectsABadOne() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01\nupdated: 2024-06-02T10:00:00+02:00"));
        assertThat(post.updated().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2024-06-02T10:00:00+02:00"));
        assertThat(post.lastModified()).isEqualTo(post.updated());

        ContentFileException e = failure(post("title: Hello\ndate: 2024-05-01\nupdated: soon"));
        assertThat(e.getMessage()).contains("'updated'");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void hasNoUpdatedDateUnlessGiven() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01"));

        assertThat(post.updated()).isNull();
        assertThat(post.lastModified()).isEqualTo(post.published());
    }

    @Test
    void takesTheSlugFromTheFileName() throws Exception {
        Post post = reader.readPost(Path.of("posts/My Första Post.md"), post("title: T\ndate: 2024-05-01"))
                .item();

        assertThat(post.slug()).isEqualTo("my-forsta-post");
    }

    @Test
    void dropsADatePrefixFromTheFileName() throws Exception {
        Post post = reader.readPost(Path.of("posts/2024-05-01-iron-and-rls.md"), post("title: T\ndate: 2024-05-01"))
                .item();

        assertThat(post.slug()).isEqualTo("iron-and-rls");
    }

    @Test
    void prefersTheSlugInFrontMatter() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01\nslug: chosen-slug"));

        assertThat(post.slug()).isEqualTo("chosen-slug");
        assertThat(post.url()).isEqualTo("/posts/chosen-slug");
    }

    @Test
    void rejectsAnInvalidSlugOnItsLine() {
        ContentFileException e = failure(post("title: Hello\ndate: 2024-05-01\nslug: Not A Slug"));

        assertThat(e.getMessage()).contains("slug 'Not A Slug'");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void rejectsAFileNameThatGivesNoSlug() {
        ContentFileException e = catchThrowableOfType(
                ContentFileException.class,
                () -> reader.readPost(Path.of("posts/2024-05-01-.md"), post("title: T\ndate: 2024-05-01")));

        assertThat(e.getMessage()).contains("set 'slug:'");
    }

    @Test
    void takesTheSummaryFromTheFirstParagraph() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01", "# Heading\n\nThe *first* paragraph.\n\nThe second."));

        assertThat(post.summary()).isEqualTo("The first paragraph.");
    }

    @Test
    void cutsALongFirstParagraphAtAWord() throws Exception {
        String longParagraph = "word ".repeat(100).strip();
        Post post = read(post("title: Hello\ndate: 2024-05-01", longParagraph));

        assertThat(post.summary()).endsWith("word…").hasSizeLessThanOrEqualTo(301);
    }

    @Test
    void prefersTheSummaryInFrontMatter() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01\nsummary: Given summary."));

        assertThat(post.summary()).isEqualTo("Given summary.");
    }

    @Test
    void readsTagsAsAListOrCommaSeparatedWithSlugs() throws Exception {
        Post listed =
                read(post("title: Hello\ndate: 2024-05-01\ntags:\n  - RLS\n  - Traditional Chinese Medicine\n  - rls"));
        Post commas = read(post("title: Hello\ndate: 2024-05-01\ntags: iron, Liver"));

        assertThat(listed.tags())
                .containsExactly(
                        new Tag("rls", "RLS"), new Tag("traditional-chinese-medicine", "Traditional Chinese Medicine"));
        assertThat(commas.tags()).containsExactly(new Tag("iron", "iron"), new Tag("liver", "Liver"));
    }

    @Test
    void rejectsATagWithoutLettersOrDigits() {
        ContentFileException e = failure(post("title: Hello\ndate: 2024-05-01\ntags: [ok, '!!!']"));

        assertThat(e.getMessage()).contains("'!!!'");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void readsADraftAsADraftWithoutAnError() throws Exception {
        ContentFileReader.Result<Post> result =
                reader.readPost(FILE, post("title: Hello\ndate: 2024-05-01\ndraft: true"));

        assertThat(result.draft()).isTrue();
        assertThat(result.item().title()).isEqualTo("Hello");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void publishesAPostWithDraftFalse() throws Exception {
        assertThat(read(post("title: Hello\ndate: 2024-05-01\ndraft: no"))).isNotNull();
    }

    @Test
    void rejectsADraftValueThatIsNotABoolean() {
        ContentFileException e = failure(post("title: Hello\ndate: 2024-05-01\ndraft: maybe"));

        assertThat(e.getMessage()).contains("'draft' must be true or false");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void readsAliasesThatStartWithASlash() throws Exception {
        Post post = read(post("title: Hello\ndate: 2024-05-01\naliases:\n  - /old-address/\n  - /2019/05/hello"));

        assertThat(post.aliases()).containsExactly("/old-address/", "/2019/05/hello");
    }

    @Test
    void rejectsAnAliasWithoutALeadingSlash() {
        ContentFileException e = failure(post("title: Hello\ndate: 2024-05-01\naliases: [old-address]"));

        assertThat(e.getMessage()).contains("alias 'old-address' must be a path on this site, starting with '/'");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void rejectsAliasesThatLeaveTheSite() {
        assertThat(failure(post("title: Hello\ndate: 2024-05-01\naliases: ['//evil.example/x']")))
                .isNotNull();
        assertThat(failure(post("title: Hello\ndate: 2024-05-01\naliases: ['/a/../b']")))
                .isNotNull();
        assertThat(failure(post("title: Hello\ndate: 2024-05-01\naliases: ['https://evil.example/']")))
                .isNotNull();
    }

    @Test
    void defaultsTheLanguageToEnglish() throws Exception {
        assertThat(read(post("title: Hello\ndate: 2024-05-01")).lang()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void readsTheLanguage() throws Exception {
        assertThat(read(post("title: Hallo\ndate: 2024-05-01\nlang: nl")).lang().getLanguage())
                .isEqualTo("nl");
    }

    @Test
    void rejectsALanguageThatIsNotATag() {
        ContentFileException e = failure(post("title: Hello\ndate: 2024-05-01\nlang: not a language"));

        assertThat(e.getMessage()).contains("'lang'");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void readsCommentModes() throws Exception {
        assertThat(read(post("title: T\ndate: 2024-05-01")).comments()).isEqualTo(CommentMode.OPEN);
        assertThat(read(post("title: T\ndate: 2024-05-01\ncomments: open")).comments())
                .isEqualTo(CommentMode.OPEN);
        assertThat(read(post("title: T\ndate: 2024-05-01\ncomments: Closed")).comments())
                .isEqualTo(CommentMode.CLOSED);
        assertThat(read(post("title: T\ndate: 2024-05-01\ncomments: hidden")).comments())
                .isEqualTo(CommentMode.HIDDEN);
    }

    @Test
    void rejectsAnUnknownCommentMode() {
        ContentFileException e = failure(post("title: T\ndate: 2024-05-01\ncomments: sometimes"));

        assertThat(e.getMessage()).contains("'comments' must be open, closed or hidden");
        assertThat(e.line()).isEqualTo(4);
    }

    private static final String THREE_HEADINGS = "Intro.\n\n## One\n\nText.\n\n## Two\n\nText.\n\n### Three\n\nText.\n";

    @Test
    void showsTheTableOfContentsAutomaticallyFromThreeHeadings() throws Exception {
        assertThat(read(post("title: T\ndate: 2024-05-01", THREE_HEADINGS)).showToc())
                .isTrue();
        assertThat(read(post("title: T\ndate: 2024-05-01", "Intro.\n\n## One\n\n## Two\n"))
                        .showToc())
                .isFalse();
    }

    @Test
    void followsTocOnAndOff() throws Exception {
        String two = "Intro.\n\n## One\n\n## Two\n";
        assertThat(read(post("title: T\ndate: 2024-05-01\ntoc: on", two)).showToc())
                .isTrue();
        assertThat(read(post("title: T\ndate: 2024-05-01\ntoc: on", "No headings."))
                        .showToc())
                .isFalse();
        assertThat(read(post("title: T\ndate: 2024-05-01\ntoc: off", THREE_HEADINGS))
                        .showToc())
                .isFalse();
        assertThat(read(post("title: T\ndate: 2024-05-01\ntoc: auto", THREE_HEADINGS))
                        .showToc())
                .isTrue();
    }

    @Test
    void rejectsAnUnknownTocMode() {
        ContentFileException e = failure(post("title: T\ndate: 2024-05-01\ntoc: sometimes"));

        assertThat(e.getMessage()).contains("'toc' must be auto, on or off");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void readsTheReviewedDate() throws Exception {
        Post post = read(post("title: T\ndate: 2024-05-01\nreviewed: 2025-01-10\nreviewed_by: Dr. A"));

        assertThat(post.reviewed()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(post.reviewedBy()).isEqualTo("Dr. A");
    }

    @Test
    void rejectsABadReviewedDate() {
        ContentFileException e = failure(post("title: T\ndate: 2024-05-01\nreviewed: last year"));

        assertThat(e.getMessage()).contains("'reviewed' must be an ISO date");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void warnsAboutAnUnknownKeyNamingTheKeyAndLine() throws Exception {
        ContentFileReader.Result<Post> result =
                reader.readPost(FILE, post("title: T\ndate: 2024-05-01\ncategory: health"));

        assertThat(result.item()).isNotNull();
        assertThat(result.warnings())
                .extracting(Object::toString)
                .containsExactly("line 4: unknown front matter key 'category' is ignored");
    }

    @Test
    void warnsAboutAnImageWithoutAltText() throws Exception {
        ContentFileReader.Result<Post> result =
                reader.readPost(FILE, post("title: T\ndate: 2024-05-01\nimage: /media/legs.jpg"));

        assertThat(result.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("image_alt");
            assertThat(w.line()).isEqualTo(4);
        });
    }

    @Test
    void reportsBadYamlWithItsLine() {
        ContentFileException e = failure("---\ntitle: T\ndate: 2024-05-01\nsummary: \"unclosed\n---\nBody\n");

        assertThat(e.getMessage()).contains("bad YAML");
        assertThat(e.line()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void readsAPageWithoutADate() throws Exception {
        Page page = reader.readPage(Path.of("content/pages/about.md"), "---\ntitle: About\n---\nWho I am.")
                .item();

        assertThat(page.slug()).isEqualTo("about");
        assertThat(page.url()).isEqualTo("/about");
        assertThat(page.summary()).isEqualTo("Who I am.");
        assertThat(page.updated()).isNull();
    }

    @Test
    void warnsAboutPostOnlyKeysOnAPage() throws Exception {
        ContentFileReader.Result<Page> result =
                reader.readPage(Path.of("content/pages/about.md"), "---\ntitle: About\ntags: [a]\n---\nText");

        assertThat(result.warnings())
                .extracting(Object::toString)
                .containsExactly("line 3: unknown front matter key 'tags' is ignored");
    }

    @Test
    @Timeout(20)
    void reportsDeeplyNestedBracketsAsABrokenFileOrRendersThem() {
        String body = "[".repeat(20_000) + "x" + "]".repeat(20_000) + "\n\n" + ">".repeat(5_000) + " quote\n";

        Throwable thrown = catchThrowable(() -> reader.readPost(FILE, post("title: T\ndate: 2024-05-01", body)));

        assertThat(thrown)
                .satisfiesAnyOf(
                        t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ContentFileException.class));
    }

    @Test
    @Timeout(20)
    void reportsThousandsOfUnderscoresAsABrokenFileOrRendersThem() {
        String body = "_".repeat(5_000) + "\n\n" + "_a".repeat(5_000) + "\n\n" + "*".repeat(5_000) + "\n";

        Throwable thrown = catchThrowable(() -> reader.readPost(FILE, post("title: T\ndate: 2024-05-01", body)));

        assertThat(thrown)
                .satisfiesAnyOf(
                        t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ContentFileException.class));
    }
}
