package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WxrReaderTests {

    static final Path FIXTURE = Path.of("src/test/resources/wordpress/rls-blog-export.xml");

    @Test
    void readsEveryItemOfTheFixtureWithItsComments() throws Exception {
        List<WxrItem> items = new ArrayList<>();
        List<WxrReader.Channel> channels = new ArrayList<>();
        try (InputStream in = Files.newInputStream(FIXTURE)) {
            WxrReader.read(in, "fixture", (channel, item) -> {
                channels.add(channel);
                items.add(item);
            });
        }

        assertThat(items).extracting(WxrItem::id).containsExactly(4L, 6L, 7L, 9L, 11L, 13L);
        assertThat(items)
                .extracting(WxrItem::type)
                .containsExactly("page", "post", "attachment", "post", "post", "post");
        assertThat(items.get(1).comments()).hasSize(7);
        assertThat(items.get(1).comments().get(3).parent()).isEqualTo(3L);
        assertThat(channels.get(0).siteUrl()).isEqualTo("http://127.0.0.1");
        assertThat(channels.get(0).authorIds()).containsExactly("1");
    }

    @Test
    void rejectsXmlThatIsNotAWordPressExport() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<html><body/></html>"))
                .isInstanceOf(WxrFormatException.class)
                .hasMessageContaining("not a WordPress export")
                .hasMessageContaining("line 2");
    }

    @Test
    void rejectsAnRssFeedWithoutWxrVersion() {
        assertThatThrownBy(() -> read("<rss><channel><title>x</title><item><title>a</title></item></channel></rss>"))
                .isInstanceOf(WxrFormatException.class)
                .hasMessageContaining("<wp:wxr_version>");
    }

    @Test
    void namesTheLineAndItemWhereTheXmlBreaksOff() throws Exception {
        String whole = Files.readString(FIXTURE);
        String truncated = whole.substring(0, whole.indexOf("<wp:comment_id>10</wp:comment_id>") + 20);

        assertThatThrownBy(() -> read(truncated))
                .isInstanceOf(WxrFormatException.class)
                .hasMessageMatching(
                        "(?s).*line \\d+, column \\d+, in item 4 \\(line \\d+, post 9, 'Ferritin, iron and RLS'\\).*");
    }

    private static void read(String xml) throws WxrFormatException {
        WxrReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml", (c, i) -> {});
    }
}
