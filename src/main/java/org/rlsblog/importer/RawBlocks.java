package org.rlsblog.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines the HTML-to-Markdown converter must not touch (a video address, an HTML5 player): a
 * placeholder paragraph takes their place during the conversion and the line comes back after it.
 */
final class RawBlocks {

    private static final String PREFIX = "WpImportRawBlock";
    private static final Pattern PLACEHOLDER = Pattern.compile("(?m)^" + PREFIX + "(\\d+)x$");

    private final List<String> lines = new ArrayList<>();

    /** The placeholder for {@code markdown}, to be the only text of its paragraph. */
    String placeholder(String markdown) {
        lines.add(markdown);
        return PREFIX + (lines.size() - 1) + "x";
    }

    String restore(String markdown) {
        if (lines.isEmpty()) {
            return markdown;
        }
        Matcher placeholder = PLACEHOLDER.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(
                    out, Matcher.quoteReplacement(lines.get(Integer.parseInt(placeholder.group(1)))));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
