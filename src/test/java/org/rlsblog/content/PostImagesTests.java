package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.TestClock;

/** Images in posts and pages: bundles, the markup each image gets, and the problems found. */
class PostImagesTests {

    private static final TestClock CLOCK = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private Path content;
    private final List<Path> described = new ArrayList<>();

    /** Says every image is 1600 × 1200 with two variants, and remembers what it was asked. */
    private final ContentImages images = (file, url) -> {
        described.add(file);
        return new ImageFacts(
                1600,
                1200,
                "/images/h/800.jpg",
                List.of(
                        new ImageFacts.Candidate("/images/h/800.jpg", 800, false),
                        new ImageFacts.Candidate("/images/h/800.webp", 800, true),
                        new ImageFacts.Candidate("/images/h/1600.jpg", 1600, false),
                        new ImageFacts.Candidate("/images/h/1600.webp", 1600, true)),
                null);
    };

    @BeforeEach
    void setUp() throws IOException {
        content = dir.resolve("content");
        Files.createDirectories(content.resolve("posts"));
        Files.createDirectories(content.resolve("pages"));
        Files.createDirectories(content.resolve("media"));
        Files.write(content.resolve("media/plate.jpg"), new byte[] {1});
    }

    private Path write(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private PostCatalog catalog() {
        ContentProperties properties = ContentFixtures.properties(content, dir.resolve("data"));
        ContentFileReader reader = new ContentFileReader(
                new FrontMatterParser(), new BodyRenderer(new MarkdownRenderer(), properties, images), properties);
        return new PostCatalog(new ContentLoader(reader, properties, CLOCK), CLOCK, e -> {});
    }

    private static String post(String frontMatter, String body) {
        return "---\ntitle: Calves\ndate: 2024-05-01\n" + frontMatter + "---\n" + body;
    }

    @Test
    void aBundleTakesItsFolderNameAsSlugAndItsImagesResolveBesideIt() throws IOException {
        write("posts/calf-muscles/index.md", post("", "Text.\n\n![A calf muscle](calf.jpg)\n"));
        Files.write(content.resolve("posts/calf-muscles/calf.jpg"), new byte[] {1});
        write("posts/calf-muscles/notes.md", "not a post of its own");

        PostCatalog catalog = catalog();
        Post post = catalog.findPost("calf-muscles").orElseThrow();

        assertThat(catalog.published()).hasSize(1);
        assertThat(post.bundle()).isEqualTo(content.toAbsolutePath().resolve("posts/calf-muscles"));
        assertThat(post.html().toString()).contains("alt=\"A calf muscle\"");
        assertThat(described).containsExactly(content.toAbsolutePath().resolve("posts/calf-muscles/calf.jpg"));
        assertThat(post.body().get().problems()).isEmpty();
    }

    @Test
    void aBundleSlugInFrontMatterWinsOverItsFolder() throws IOException {
        write("posts/folder-name/index.md", post("slug: chosen\n", "Text.\n"));

        assertThat(catalog().findPost("chosen")).isPresent();
    }

    @Test
    void aBundleServesItsImagesButNeverItsMarkdownNorAnythingOutside() throws IOException {
        write("posts/calf/index.md", post("", "Text.\n"));
        Files.write(content.resolve("posts/calf/calf.jpg"), new byte[] {1});
        Files.write(content.resolve("posts/calf/clip.mp4"), new byte[] {1});
        write("posts/calf/draft-notes.txt", "private");
        write("posts/secret.jpg", "outside the bundle");
        Files.createSymbolicLink(content.resolve("posts/calf/link.jpg"), dir.resolve("elsewhere.jpg"));
        Files.write(dir.resolve("elsewhere.jpg"), new byte[] {1});

        PostCatalog catalog = catalog();

        assertThat(catalog.postFile("calf", "calf.jpg")).isPresent();
        assertThat(catalog.postFile("calf", "clip.mp4")).isPresent();
        assertThat(catalog.postFile("calf", "index.md")).isEmpty();
        assertThat(catalog.postFile("calf", "draft-notes.txt")).isEmpty();
        assertThat(catalog.postFile("calf", "../secret.jpg")).isEmpty();
        assertThat(catalog.postFile("calf", "..%2fsecret.jpg")).isEmpty();
        assertThat(catalog.postFile("calf", "link.jpg"))
                .as("a link out of content/")
                .isEmpty();
        assertThat(catalog.postFile("nope", "calf.jpg")).isEmpty();
    }

    @Test
    void aPageBundleServesItsImagesToo() throws IOException {
        write("pages/about/index.md", "---\ntitle: About\n---\n![Me](me.jpg)\n");
        Files.write(content.resolve("pages/about/me.jpg"), new byte[] {1});

        PostCatalog catalog = catalog();

        assertThat(catalog.findPage("about").orElseThrow().html()).contains("width=\"1600\"");
        assertThat(catalog.pageFile("about", "me.jpg")).isPresent();
        assertThat(catalog.pageFile("about", "index.md")).isEmpty();
    }

    @Test
    void eachImageGetsSizeSrcsetSizesAndAWebpSourceAndOnlyTheFirstIsFetchedAtOnce() throws IOException {
        write(
                "posts/plates.md",
                post("", "![A plate](/media/plate.jpg)\n\nText.\n\n![Another plate](/media/plate.jpg)\n"));

        Document html = Jsoup.parseBodyFragment(
                catalog().findPost("plates").orElseThrow().html().toString());

        List<Element> images = html.select("picture > img");
        assertThat(images).hasSize(2);
        Element first = images.get(0);
        assertThat(first.attr("width")).isEqualTo("1600");
        assertThat(first.attr("height")).isEqualTo("1200");
        assertThat(first.attr("src")).isEqualTo("/images/h/800.jpg");
        assertThat(first.attr("srcset")).isEqualTo("/images/h/800.jpg 800w, /images/h/1600.jpg 1600w");
        assertThat(first.attr("sizes")).isEqualTo(ImageHtml.ARTICLE_SIZES);
        assertThat(first.attr("fetchpriority")).isEqualTo("high");
        assertThat(first.hasAttr("loading")).isFalse();
        assertThat(first.attr("decoding")).isEqualTo("async");
        Element source = html.selectFirst("picture > source");
        assertThat(source.attr("type")).isEqualTo("image/webp");
        assertThat(source.attr("srcset")).isEqualTo("/images/h/800.webp 800w, /images/h/1600.webp 1600w");
        Element second = images.get(1);
        assertThat(second.attr("loading")).isEqualTo("lazy");
        assertThat(second.attr("decoding")).isEqualTo("async");
        assertThat(second.hasAttr("fetchpriority")).isFalse();
    }

    @Test
    void anImageWithATitleAloneInItsParagraphBecomesAFigureWithACaption() throws IOException {
        write("posts/figure.md", post("", "![A plate](/media/plate.jpg \"Breakfast <with> iron\")\n"));

        Document html = Jsoup.parseBodyFragment(
                catalog().findPost("figure").orElseThrow().html().toString());

        assertThat(html.select("p")).isEmpty();
        Element figure = html.selectFirst("figure");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("A plate");
        assertThat(figure.selectFirst("img").hasAttr("title")).isFalse();
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Breakfast <with> iron");
    }

    @Test
    void theHeaderImageComesFirstSoEveryBodyImageIsLazy() throws IOException {
        write("posts/header/index.md", post("image: calf.jpg\nimage_alt: A calf\n", "![A plate](/media/plate.jpg)\n"));
        Files.write(content.resolve("posts/header/calf.jpg"), new byte[] {1});

        Post post = catalog().findPost("header").orElseThrow();

        assertThat(post.headerImage()).isNotNull();
        assertThat(post.headerImage().width()).isEqualTo(1600);
        assertThat(Jsoup.parseBodyFragment(post.html().toString())
                        .selectFirst("img")
                        .attr("loading"))
                .isEqualTo("lazy");
    }

    @Test
    void anImageWithoutAltTextIsAProblemWithItsFileAndLine() throws IOException {
        Path file = write("posts/no-alt.md", post("", "Text.\n\n![](/media/plate.jpg)\n\n![-](/media/plate.jpg)\n"));

        Post post = catalog().findPost("no-alt").orElseThrow();

        assertThat(post.body().get().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file.toAbsolutePath());
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).contains("no alt text", "![-](/media/plate.jpg)");
        });
        assertThat(Jsoup.parseBodyFragment(post.html().toString())
                        .select("img")
                        .get(1)
                        .attr("alt"))
                .as("the decorative one")
                .isEmpty();
    }

    @Test
    void missingFilesAndPathsOutsideContentAreProblemsAndNothingOutsideIsRead() throws IOException {
        Files.write(dir.resolve("secret.jpg"), new byte[] {1});
        Files.createSymbolicLink(content.resolve("media/link.jpg"), dir.resolve("secret.jpg"));
        write(
                "posts/bad/index.md",
                post(
                        "",
                        "![Gone](gone.jpg)\n\n![Up](../../../secret.jpg)\n\n![Up](/media/../../secret.jpg)\n\n"
                                + "![Linked](/media/link.jpg)\n\n![Root](/etc/passwd.jpg)\n\nThe end.\n"));
        write("posts/single.md", post("", "![Beside](plate.jpg)\n"));

        PostCatalog catalog = catalog();
        Post bad = catalog.findPost("bad").orElseThrow();
        Post single = catalog.findPost("single").orElseThrow();

        assertThat(bad.html().toString()).contains("The end.");
        assertThat(bad.body().get().problems())
                .extracting(ContentProblem::message)
                .satisfiesExactly(
                        gone -> assertThat(gone).contains("does not exist"),
                        up -> assertThat(up).contains("outside content/"),
                        up -> assertThat(up).contains("outside content/"),
                        linked -> assertThat(linked).contains("leads outside content/"),
                        root -> assertThat(root).contains("must be in /media/ or beside index.md"));
        assertThat(single.body().get().problems())
                .singleElement()
                .extracting(ContentProblem::message)
                .asString()
                .contains("only a bundle");
        assertThat(described).as("no file outside content/ described").isEmpty();
    }

    @Test
    void aChangedImageMakesThePostsThatShowImagesRenderAgain() throws IOException {
        write("posts/plates.md", post("", "![A plate](/media/plate.jpg)\n"));
        write("posts/words.md", post("", "Only words.\n"));
        PostCatalog catalog = catalog();
        Post before = catalog.findPost("plates").orElseThrow();
        Post words = catalog.findPost("words").orElseThrow();
        before.html();

        Files.write(content.resolve("media/plate.jpg"), new byte[] {1, 2, 3});
        catalog.reload();

        assertThat(catalog.findPost("plates").orElseThrow()).isNotSameAs(before);
        assertThat(catalog.findPost("words").orElseThrow()).isSameAs(words);
    }
}
