package org.rlsblog.importer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.PostCatalog;

/**
 * The old addresses of an imported post or page that become {@code aliases:} in its front matter:
 * its permalink, the permalinks it had before a rename ({@code _wp_old_slug}) and the attachment
 * pages of the files it holds. Addresses built from ids ({@code /?p=N}) need no alias: the site
 * finds them by the front matter's {@code wordpress_id} and {@code wordpress_attachments}.
 */
final class WordPressAddresses {

    private WordPressAddresses() {}

    /** @param newPath the item's address on this site, such as {@code /posts/slug} */
    static List<String> aliases(
            WxrItem item, boolean page, String newPath, List<WordPressAttachments.Attachment> held) {
        Set<String> aliases = new LinkedHashSet<>();
        String permalink = WordPressPermalinks.alias(item, newPath);
        if (permalink != null) {
            aliases.add(permalink);
        }
        String linkPath = path(item.link());
        for (String old : item.meta().getOrDefault("_wp_old_slug", "").split("\n")) {
            String oldSlug = WordPressSlugs.slugOf(old.strip());
            if (oldSlug.isEmpty() || oldSlug.equals(WordPressSlugs.slug(item))) {
                continue;
            }
            if (!page) {
                aliases.add("/posts/" + oldSlug);
            }
            String current = "/" + item.slug().toLowerCase(Locale.ROOT) + "/";
            if (linkPath != null && linkPath.toLowerCase(Locale.ROOT).endsWith(current)) {
                aliases.add(linkPath.substring(0, linkPath.length() - current.length()) + "/" + oldSlug + "/");
            }
        }
        for (WordPressAttachments.Attachment a : held) {
            String attachmentPage = path(a.link());
            if (attachmentPage != null && !a.link().contains("?")) {
                aliases.add(attachmentPage);
            }
        }
        List<String> usable = new ArrayList<>();
        for (String alias : aliases) {
            if (usable(alias, newPath)) {
                usable.add(alias);
            }
        }
        return usable;
    }

    /** Whether the site can answer this path with a redirect: a path of its own, not one of the site's addresses. */
    private static boolean usable(String alias, String newPath) {
        String normalized = alias.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        return alias.startsWith("/")
                && !alias.startsWith("//")
                && !alias.contains("..")
                && !alias.contains("\\")
                && !normalized.isEmpty()
                && !normalized.equals(newPath)
                && (normalized.startsWith("/posts/") || !PostCatalog.isReservedAddress(normalized));
    }

    private static @Nullable String path(String link) {
        if (link.isEmpty()) {
            return null;
        }
        try {
            String path = URI.create(link.strip()).getRawPath();
            return path == null || path.isEmpty() || path.equals("/") ? null : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
