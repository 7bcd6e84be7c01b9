package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed article was migrated by hand from the old site. Every paragraph of the original text
 * (kept in {@code src/test/resources/seeds/}, without the old site's comment section) must come
 * out of our renderer as its own paragraph, in the original order.
 */
class SeedArticleTests {

    private static final Path ARTICLE = Path.of("content/posts/rls-and-liver-diseases.md");
    private static final List<String> HEADINGS = List.of("What is a liver", "Restless legs");

    private static Post post;
    private static Document body;
    private static String seedTitle;
    private static List<String> seedBlocks;

    @BeforeAll
    static void renderTheArticleAndReadTheSeed() throws Exception {
        post = ContentFixtures.reader()
                .readPost(ARTICLE, Files.readString(ARTICLE))
                .item();
        body = Jsoup.parseBodyFragment(post.html().toString());

        List<String> lines = new ArrayList<>(Arrays.asList(seedText().split("\\R")));
        seedTitle = lines.remove(0).strip();
        seedBlocks = lines.stream()
                .takeWhile(line -> !line.startsWith("1 thought on"))
                .map(SeedArticleTests::normalize)
                .filter(line -> !line.isEmpty())
                .map(line -> HEADINGS.contains(line) ? "h2: " + line : "p: " + line)
                .toList();
    }

    private static String seedText() throws IOException {
        try (InputStream in = SeedArticleTests.class.getResourceAsStream("/seeds/rls-and-liver-diseases.txt")) {
            assertThat(in).as("seed text on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Same text whatever the quotes, dashes and spacing: the renderer makes quotes typographic. */
    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[‘’‚‛′]", "'")
                .replaceAll("[“”„‟″]", "\"")
                .replaceAll("[–—]", "-")
                .replace('\u00A0', ' ')
                .replaceAll("\\s+", " ")
                .strip();
    }

    @Test
    void keepsTheSeedTitle() {
        assertThat(post.title()).isEqualTo(seedTitle).isEqualTo("RLS and Liver Diseases");
    }

    @Test
    void rendersBothSectionHeadingsAsH2() {
        assertThat(body.select("h2").eachText()).containsExactlyElementsOf(HEADINGS);
        assertThat(post.toc()).extracting(TocEntry::text).containsExactlyElementsOf(HEADINGS);
    }

    @Test
    void rendersEveryParagraphOfTheSeedAsAParagraphInOrder() {
        List<String> rendered = body.select("body > p, body > h2").stream()
                .map(e -> e.tagName() + ": " + normalize(e.text()))
                .toList();

        assertThat(seedBlocks).hasSizeGreaterThan(20);
        assertThat(rendered).containsSubsequence(seedBlocks);
    }

    @Test
    void leavesNoParagraphOfTheSeedOut() {
        List<String> paragraphs =
                body.select("p").stream().map(e -> normalize(e.text())).toList();

        seedBlocks.stream()
                .filter(block -> block.startsWith("p: "))
                .map(block -> block.substring(3))
                .forEach(paragraph ->
                        assertThat(paragraphs).as("paragraph of the seed").contains(paragraph));
    }

    @Test
    void keepsTheMigratedFrontMatter() {
        assertThat(post.summary()).startsWith("Chinese medicine sees the liver");
        assertThat(post.tags()).extracting(Tag::slug).contains("rls", "liver");
        assertThat(post.aliases()).containsExactly("/rls-and-liver-diseases/");
    }
}
