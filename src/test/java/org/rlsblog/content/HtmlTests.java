package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An article's HTML is held deflated: it comes back exactly as it went in, and takes less room. */
class HtmlTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "<p>Plain ASCII.</p>",
                "<p>A “curly quote”, ijzer en ‘lever’, 鉄, and an emoji 🦵.</p>",
                "<pre>\u0000\uFFFD</pre>"
            })
    void givesBackExactlyTheHtmlItWasGiven(String html) {
        assertThat(Html.of(html).toString()).isEqualTo(html);
        assertThat(Html.of(html).length()).isEqualTo(html.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void anArticleTakesLessThanHalfItsUtf8Size() {
        String article = "<p>Restless legs and the liver: ferritin, iron, sleep. </p>\n".repeat(200);
        Html html = Html.of(article);

        assertThat(html.toString()).isEqualTo(article);
        assertThat(html.deflated().length).isLessThan(article.length() / 2);
    }

    @Test
    void aLargeRandomTextComesBackWhole() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            text.appendCodePoint(random.nextInt(5) == 0 ? 0x4E00 + random.nextInt(500) : 'a' + random.nextInt(26));
        }
        String html = text.toString();

        assertThat(Html.of(html).toString()).isEqualTo(html);
    }

    @Test
    void readsBackWhatItsDeflatedBytesAndLengthGive() {
        Html html = Html.of("<h2 id=\"ferritin\">Ferritin</h2><p>Below 75 µg/l.</p>");

        Html again = Html.ofDeflated(html.deflated().clone(), html.length());

        assertThat(again.toString()).isEqualTo(html.toString());
        assertThat(again).isEqualTo(html).hasSameHashCodeAs(html);
        assertThat(Html.of("<p>other</p>")).isNotEqualTo(html);
    }

    @Test
    void refusesDeflatedBytesThatDoNotGiveTheLengthTheySay() {
        Html html = Html.of("<p>Some text that deflates.</p>");
        byte[] deflated = html.deflated();

        assertThatThrownBy(() -> Html.ofDeflated(deflated, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.ofDeflated(deflated, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.ofDeflated(deflated, html.length() + 1).toString())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.ofDeflated(deflated, html.length() - 1).toString())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.ofDeflated(Arrays.copyOf(deflated, deflated.length / 2), html.length())
                        .toString())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
