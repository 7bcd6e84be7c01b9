package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExistingCommentsFileTests {

    private static String comment(String key, String text) {
        return """
                - key: %s
                  post: listed-post
                  author: Old Reader
                  date: 2019-03-01T10:00:00Z
                  text: "%s"
                """.formatted(key, text);
    }

    @Test
    void namesTheFieldThatIsTooLong() {
        String yaml = comment("test:long-text:1", "x".repeat(20_001));

        assertThatThrownBy(() -> ExistingCommentsFile.read(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 1: 'text' is longer than 20000 characters");
    }
}
