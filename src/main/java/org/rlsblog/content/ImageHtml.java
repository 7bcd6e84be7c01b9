package org.rlsblog.content;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The markup of one image: {@code width} and {@code height} so that nothing moves while it loads,
 * {@code srcset} and {@code sizes} so that a phone loads a phone-sized file, a WebP
 * {@code <source>} for browsers that take it, and lazy loading for all but the first image.
 */
public final class ImageHtml {

    /** How wide an image in an article is shown: the text column, less the page's padding on a phone. */
    public static final String ARTICLE_SIZES = "(max-width: 44rem) calc(100vw - 2rem), 42rem";

    /** How wide the small image of a post card is shown. */
    public static final String CARD_SIZES = "6rem";

    /** A first guess at the markup's length, so the buffer seldom grows. */
    private static final int EXPECTED_LENGTH = 256;

    private ImageHtml() {}

    /**
     * @param alt the text alternative, already decided ("" for a decorative image)
     * @param title a tooltip, or null
     * @param first whether this is the page's first image, which is fetched at once instead of lazily
     */
    public static String of(ImageFacts image, String alt, @Nullable String title, boolean first, String sizes) {
        StringBuilder html = new StringBuilder(EXPECTED_LENGTH);
        String webp = image.webpSrcset();
        if (!webp.isEmpty()) {
            html.append("<picture><source type=\"image/webp\" srcset=\"")
                    .append(escape(webp))
                    .append("\" sizes=\"")
                    .append(sizes)
                    .append("\">");
        }
        html.append("<img src=\"").append(escape(image.src())).append('"');
        String srcset = image.srcset();
        if (!srcset.isEmpty()) {
            html.append(" srcset=\"")
                    .append(escape(srcset))
                    .append("\" sizes=\"")
                    .append(sizes)
                    .append('"');
        }
        if (image.hasSize()) {
            html.append(" width=\"")
                    .append(image.width())
                    .append("\" height=\"")
                    .append(image.height())
                    .append('"');
        }
        html.append(" alt=\"").append(escape(alt)).append('"');
        if (title != null && !title.isBlank()) {
            html.append(" title=\"").append(escape(title)).append('"');
        }
        html.append(first ? " fetchpriority=\"high\"" : " loading=\"lazy\"").append(" decoding=\"async\">");
        if (!webp.isEmpty()) {
            html.append("</picture>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
