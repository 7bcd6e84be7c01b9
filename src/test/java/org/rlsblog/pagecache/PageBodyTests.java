package org.rlsblog.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageBodyTests {

    private static final String FORM =
            "<form><input name=\"_csrf\" value=\"old\">" + "<input name=\"formToken\" value=\"older\"></form>";

    @Test
    void writesFreshValuesWhereTheStoredOnesWere() throws IOException {
        PageBody body = PageBody.cut(bytes(FORM)).orElseThrow();
        byte[][] values = {bytes("new"), bytes("newer")};
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        body.writeTo(out, values);

        assertThat(body.takesAnswerValues()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(FORM.replace("\"old\"", "\"new\"").replace("\"older\"", "\"newer\""));
        assertThat(body.length(values)).isEqualTo(out.size());
    }

    @Test
    void keepsAPageWithoutFormWhole() {
        PageBody body = PageBody.cut(bytes("<p>No form here.</p>")).orElseThrow();

        assertThat(body.takesAnswerValues()).isFalse();
        assertThat(body.length()).isEqualTo("<p>No form here.</p>".length());
    }

    @Test
    void refusesAPageWhoseValuesCannotAllBeWrittenFresh() {
        assertThat(PageBody.cut(bytes(FORM + FORM))).as("two forms").isEmpty();
        assertThat(PageBody.cut(bytes("<input name=\"formToken\" value=\"a\"><input name=\"_csrf\" value=\"b\">")))
                .as("the other order")
                .isEmpty();
        assertThat(PageBody.cut(bytes("<input name=\"_csrf\" value=\"only\">")))
                .as("a CSRF token alone")
                .isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
