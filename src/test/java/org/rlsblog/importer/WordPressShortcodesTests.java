package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shortcodes and embeds of the classic editor that the media fixture does not have. */
class WordPressShortcodesTests {

    private static final String SITE = "https://old.example";

    private final MoveReport report = new MoveReport();

    private String convert(String classic) {
        String html = WordPressShortcodes.expand(classic, 1, SITE, new WordPressAttachments(), report);
        return WordPressHtml.toMarkdown(html, SITE, raw -> new PostMediaHtml(null, report, raw, "post 1"))
                .markdown();
    }

    @Test
    void turnsALinkedCaptionIntoAnImageWithItsCaptionAsTitle() {
        String markdown = convert("[caption id=\"attachment_3\" width=\"300\"]<a href=\"" + SITE
                + "/wp-content/uploads/2020/01/a.jpg\"><img src=\"" + SITE
                + "/wp-content/uploads/2020/01/a-300x200.jpg\" alt=\"A leg\" /></a> Stretching, day 3[/caption]");

        assertThat(markdown.strip())
                .isEqualTo("![A leg](" + SITE + "/wp-content/uploads/2020/01/a-300x200.jpg \"Stretching, day 3\")");
        assertThat(report.convertedShortcodes()).containsEntry("[caption]", 1);
    }

    @Test
    void putsVimeoAndYouTubeAddressesAloneOnTheirLineAndVideosInAPlayer() {
        String markdown = convert("Before.\n\nhttps://vimeo.com/76979871\n\n[video width=\"640\" mp4=\"" + SITE
                + "/wp-content/uploads/2020/01/walk.mp4\"][/video]\n\n[embed]https://www.youtube.com/watch?v=abc_DEF-123"
                + "[/embed]\n\nAfter.");

        assertThat(markdown)
                .contains("\n\nhttps://vimeo.com/76979871\n\n")
                .contains("\n\nhttps://www.youtube.com/watch?v=abc_DEF-123\n\n")
                .contains("<video controls preload=\"metadata\" src=\"" + SITE
                        + "/wp-content/uploads/2020/01/walk.mp4\"></video>");
        assertThat(report.convertedShortcodes()).containsEntry("[video]", 1).containsEntry("[embed]", 1);
    }

    @Test
    void keepsAndCountsShortcodesItHasNoCounterpartFor() {
        String markdown = convert("[contact-form-7 id=\"1\"]\n\n[toc]\n\n[contact-form-7 id=\"2\"]");

        assertThat(markdown).contains("contact-form-7 id=\"1\"", "toc", "contact-form-7 id=\"2\"");
        assertThat(report.keptShortcodes()).containsEntry("[contact-form-7]", 2).containsEntry("[toc]", 1);
        assertThat(report.convertedShortcodes()).isEmpty();
    }

    @Test
    void leavesAnAddressInsideASentenceAlone() {
        String markdown = convert("Watch https://www.youtube.com/watch?v=abc123 tonight.");

        assertThat(markdown.strip()).startsWith("Watch ").endsWith(" tonight.");
        assertThat(report.convertedShortcodes()).isEmpty();
    }
}
