package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPressHtmlTests {

    private static final String SITE = "http://old.example";

    @Test
    void makesParagraphsAndLineBreaksOfClassicEditorText() {
        String html = "First paragraph.\n\nSecond line one,\nline two.\n<h2>Heading</h2>\nAfter the heading.";

        assertThat(WordPressHtml.toMarkdown(html, SITE).markdown())
                .isEqualTo("First paragraph.\n\nSecond line one,\\\nline two.\n\n## Heading\n\nAfter the heading.\n");
    }

    @Test
    void dropsBlockCommentsAndKeepsTheirParagraphs() {
        String html = "<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n"
                + "<!-- wp:paragraph -->\n<p>Two &amp; three.</p>\n<!-- /wp:paragraph -->";

        assertThat(WordPressHtml.toMarkdown(html, SITE).markdown()).isEqualTo("One.\n\nTwo & three.\n");
    }

    @Test
    void listsUploadedImagesAndTurnsLinksToTheOldSiteIntoPaths() {
        WordPressHtml.Converted converted = WordPressHtml.toMarkdown(
                "<p><a href=\"http://old.example/other-post/\">other</a>"
                        + " <img src=\"http://old.example/wp-content/uploads/2020/01/a.jpg\" alt=\"A\"></p>",
                SITE);

        assertThat(converted.markdown()).contains("[other](/other-post/)").contains("![A](http://old.example/");
        assertThat(converted.uploads()).containsExactly("http://old.example/wp-content/uploads/2020/01/a.jpg");
    }

    @Test
    void keepsCommentTextPlainWithEntitiesDecodedAndTagsDropped() {
        assertThat(WordPressHtml.toPlainText(
                        "iron &amp; ferritin, <b>bold</b> and <a href=\"https://x.example/\">a link</a>"))
                .isEqualTo("iron & ferritin, bold and a link (https://x.example/)");
    }

    @Test
    void leavesPlainCommentTextAsItIs() {
        String dutch = "Heel herkenbaar! Ik slaap slecht sinds mijn diagnose – dank voor het delen 😊 (ë, é, ï)";

        assertThat(WordPressHtml.toPlainText(dutch)).isEqualTo(dutch);
    }
}
