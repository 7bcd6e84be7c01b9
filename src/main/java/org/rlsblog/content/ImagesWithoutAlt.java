package org.rlsblog.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the images in a Markdown body that have no alt text ({@code ![](x.jpg)}, or an {@code <img>}
 * without {@code alt}), line by line, outside code blocks: cheap enough to run at every load,
 * where rendering the body would not be.
 */
final class ImagesWithoutAlt {

    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[\\s*]\\(");
    private static final Pattern HTML_IMAGE =
            Pattern.compile("<img\\b(?![^>]*\\balt\\s*=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final String FENCE = "```";
    private static final String TILDE_FENCE = "~~~";

    private ImagesWithoutAlt() {}

    static List<ContentFileReader.Warning> find(FrontMatter frontMatter) {
        List<ContentFileReader.Warning> warnings = new ArrayList<>();
        String[] lines = frontMatter.body().split("\n", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.stripLeading();
            if (stripped.startsWith(FENCE) || stripped.startsWith(TILDE_FENCE)) {
                inFence = !inFence;
                continue;
            }
            if (!inFence
                    && (MARKDOWN_IMAGE.matcher(line).find()
                            || HTML_IMAGE.matcher(line).find())) {
                warnings.add(new ContentFileReader.Warning(
                        frontMatter.bodyLine() + i,
                        "an image has no alt text: describe it for readers who cannot see it (![what it shows](...))"));
            }
        }
        return warnings;
    }
}
