package org.rlsblog.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** The slug an imported post or page gets: WordPress's own, made plain ASCII as this site's slugs are. */
final class WordPressSlugs {

    /** The longest slug the site accepts. */
    static final int MAX_LENGTH = 200;

    private WordPressSlugs() {}

    /** The item's slug; a draft has none yet, so one is made from the title as WordPress would. */
    static String slug(WxrItem item) {
        String slug = slugOf(URLDecoder.decode(item.slug(), StandardCharsets.UTF_8));
        if (slug.isEmpty()) {
            slug = slugOf(WordPressHtml.decodeEntities(item.title()));
        }
        return slug.isEmpty() ? item.type() + "-" + item.id() : slug;
    }

    static String slugOf(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-+$", "") : slug;
    }
}
