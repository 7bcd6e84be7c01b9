package org.rlsblog.content;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An article's rendered HTML, kept as UTF-8 bytes. Java keeps a string with a single character
 * outside Latin-1 (a curly quote, which most articles have) at two bytes per character; ten
 * thousand articles held that way took about twice the memory. {@link #toString()} gives the HTML.
 */
public final class Html {

    private final byte[] utf8;

    private Html(byte[] utf8) {
        this.utf8 = utf8;
    }

    public static Html of(String html) {
        return new Html(html.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Html html && Arrays.equals(utf8, html.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }
}
