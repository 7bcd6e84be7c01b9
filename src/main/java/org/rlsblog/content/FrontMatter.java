package org.rlsblog.content;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The YAML header of a content file, as written: each key's value as text (a scalar) or a list
 * of texts (a sequence), with the line each key stands on, plus the Markdown body after it.
 */
record FrontMatter(Map<String, Value> values, String body, int bodyLine) {

    FrontMatter {
        values = Map.copyOf(values);
    }

    /** One value: {@code text} for a scalar, {@code list} for a sequence; {@code line} is 1-based. */
    record Value(@Nullable String text, @Nullable List<String> list, int line) {}

    @Nullable
    Value get(String key) {
        return values.get(key);
    }
}
