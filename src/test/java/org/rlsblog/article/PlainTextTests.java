package org.rlsblog.article;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A reader's text is refused when it holds a character a feed or a mail could not carry. */
class PlainTextTests {

    record Written(@PlainText(multiline = true) String text) {}

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {"Hidden \uFFFE here", "Hidden \uFFFF here", "Lone \uD800 surrogate", "Null \u0000"})
    void refusesCharactersXmlCannotCarry(String text) {
        assertThat(validator.validate(new Written(text))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Two lines\nand a tab\t.", "Emoji 😀 and é", ""})
    void acceptsOrdinaryText(String text) {
        assertThat(validator.validate(new Written(text))).isEmpty();
    }
}
