package org.rlsblog.importer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The front matter of an imported post or page, in the keys the site reads. A key is written only
 * when it says something: no empty summary, no {@code draft: false}.
 */
final class ImportedFrontMatter {

    /** A change this soon after the date is part of publishing, not an update worth showing. */
    private static final Duration UPDATE_AFTER = Duration.ofMinutes(1);
    /** The language a post without {@code lang} is read in, so it is not written. */
    private static final String SITE_LANGUAGE = "en";

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern LANGUAGE_REGION = Pattern.compile("[-_]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** WordPress's default category, which every post without one gets; no tag. */
    private static final String DEFAULT_CATEGORY = "uncategorized";

    private ImportedFrontMatter() {}

    static List<ImportedFile.Field> of(
            WxrReader.Channel channel, WxrItem item, String slug, boolean draft, boolean page)
            throws WxrFormatException {
        List<ImportedFile.Field> fields = new ArrayList<>();
        fields.add(new ImportedFile.Field("title", ImportedFile.quote(title(item))));
        fields.addAll(dates(item));
        fields.add(new ImportedFile.Field("slug", slug));
        String excerpt =
                WHITESPACE.matcher(WordPressHtml.toPlainText(item.excerpt())).replaceAll(" ");
        if (!excerpt.isBlank()) {
            fields.add(new ImportedFile.Field("summary", ImportedFile.quote(excerpt)));
        }
        if (!page) {
            List<String> tags = tags(item);
            if (!tags.isEmpty()) {
                fields.add(new ImportedFile.Field("tags", ImportedFile.list(tags)));
            }
        }
        if (draft) {
            fields.add(new ImportedFile.Field("draft", "true"));
        }
        String lang = language(channel);
        if (lang != null) {
            fields.add(new ImportedFile.Field("lang", lang));
        }
        if (!page) {
            String author = channel.authorNames().get(item.creator());
            if (author != null) {
                fields.add(new ImportedFile.Field("author", ImportedFile.quote(author)));
            }
            if (item.commentStatus().equals("closed")) {
                fields.add(new ImportedFile.Field("comments", "closed"));
            }
        }
        return fields;
    }

    private static String title(WxrItem item) {
        String title = WordPressHtml.decodeEntities(item.title()).strip();
        return title.isEmpty() ? "Untitled (" + item.type() + " " + item.id() + ")" : title;
    }

    /** {@code date} with its offset where WordPress knows it (a draft's has none), and {@code updated}. */
    private static List<ImportedFile.Field> dates(WxrItem item) throws WxrFormatException {
        OffsetDateTime published = WordPressDates.withOffset(item.date(), item.dateGmt());
        LocalDateTime local = WordPressDates.parse(item.date());
        if (local == null) {
            local = WordPressDates.parse(item.modified());
        }
        if (local == null) {
            throw new WxrFormatException(item.where() + ": no valid <wp:post_date> ('" + item.date() + "')");
        }
        List<ImportedFile.Field> fields = new ArrayList<>();
        fields.add(new ImportedFile.Field(
                "date",
                published != null
                        ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(published)
                        : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local)));
        OffsetDateTime modified = WordPressDates.withOffset(item.modified(), item.modifiedGmt());
        if (modified != null && published != null && modified.isAfter(published.plus(UPDATE_AFTER))) {
            fields.add(new ImportedFile.Field("updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(modified)));
        }
        return fields;
    }

    /** Tags, then categories as tags (the default "Uncategorized" left out), each once. */
    private static List<String> tags(WxrItem item) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String domain : List.of("post_tag", "category")) {
            for (WxrItem.Term term : item.terms()) {
                if (term.domain().equals(domain)
                        && !term.name().isBlank()
                        && !(domain.equals("category") && term.nicename().equals(DEFAULT_CATEGORY))) {
                    tags.putIfAbsent(term.name().toLowerCase(Locale.ROOT), term.name());
                }
            }
        }
        return List.copyOf(tags.values());
    }

    /** The old site's language without its region ({@code nl-NL} is {@code nl}), unless it is the site's own. */
    private static @Nullable String language(WxrReader.Channel channel) {
        String lang = LANGUAGE_REGION.split(channel.language().toLowerCase(Locale.ROOT))[0];
        if (!lang.isEmpty()
                && !lang.equals(SITE_LANGUAGE)
                && LANGUAGE_CODE.matcher(lang).matches()) {
            return lang;
        }
        return null;
    }
}
