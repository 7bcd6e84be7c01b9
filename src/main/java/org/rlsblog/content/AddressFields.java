package org.rlsblog.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The front matter that gives a file its addresses on the site: slug, tags and aliases. */
final class AddressFields {

    private static final Pattern WORDPRESS_ID = Pattern.compile("\\d{1,18}");

    private AddressFields() {}

    /** The {@code slug} key, or one made from the file name (of a bundle's {@code index.md}: its folder's name). */
    static String slug(FrontMatterFields fields, Path file) throws ContentFileException {
        String given = fields.text("slug");
        Path bundle = ImageContext.bundleOf(file);
        String name = bundle != null && bundle.getFileName() != null
                ? bundle.getFileName().toString()
                : file.getFileName().toString();
        String slug = given != null ? given : bundle != null ? Slugs.of(name) : Slugs.ofFileName(name);
        if (!Slugs.isValid(slug)) {
            throw new ContentFileException(
                    given != null ? fields.line("slug") : 1,
                    "slug '" + slug + "' must be lowercase letters, digits and single hyphens"
                            + (given == null ? " (it comes from the file name; set 'slug:' to choose one)" : ""));
        }
        return slug;
    }

    /** The {@code tags} key; names that make the same slug are one tag, as first written. */
    static List<Tag> tags(FrontMatterFields fields) throws ContentFileException {
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (String name : fields.list("tags")) {
            String slug = Slugs.of(name);
            if (slug.isEmpty()) {
                throw new ContentFileException(fields.line("tags"), "tag '" + name + "' has no letters or digits");
            }
            tags.putIfAbsent(slug, new Tag(slug, name));
        }
        return List.copyOf(tags.values());
    }

    /** The old addresses: the {@code aliases} paths, then the WordPress ids. */
    static List<String> addresses(FrontMatterFields fields) throws ContentFileException {
        List<String> addresses = aliases(fields);
        addresses.addAll(wordpressIds(fields));
        return addresses;
    }

    /** The {@code aliases} key: old addresses, each a path on this site. */
    static List<String> aliases(FrontMatterFields fields) throws ContentFileException {
        List<String> aliases = new ArrayList<>();
        for (String alias : fields.list("aliases")) {
            if (!alias.startsWith("/") || alias.startsWith("//") || alias.contains("..") || alias.contains("\\")) {
                throw new ContentFileException(
                        fields.line("aliases"), "alias '" + alias + "' must be a path on this site, starting with '/'");
            }
            aliases.add(alias);
        }
        return aliases;
    }

    /**
     * The {@code wordpress_id} and {@code wordpress_attachments} keys an import writes, as alias
     * keys ({@code wordpress:9}) that no request path can match: the site finds {@code /?p=9} by them.
     */
    static List<String> wordpressIds(FrontMatterFields fields) throws ContentFileException {
        List<String> ids = new ArrayList<>();
        String id = fields.text("wordpress_id");
        if (id != null) {
            ids.add(wordpressKey(id, fields.line("wordpress_id")));
        }
        for (String attachment : fields.list("wordpress_attachments")) {
            ids.add(wordpressKey(attachment, fields.line("wordpress_attachments")));
        }
        return ids;
    }

    private static String wordpressKey(String id, int line) throws ContentFileException {
        if (!WORDPRESS_ID.matcher(id.strip()).matches()) {
            throw new ContentFileException(line, "WordPress id '" + id + "' must be a number");
        }
        return Aliases.WORDPRESS_KEY + Long.parseLong(id.strip());
    }
}
