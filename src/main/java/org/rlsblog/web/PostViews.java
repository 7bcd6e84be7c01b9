package org.rlsblog.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.ImageFacts;
import org.rlsblog.content.ImageHtml;
import org.rlsblog.content.Neighbours;
import org.rlsblog.content.Post;
import org.rlsblog.content.Tag;
import org.springframework.stereotype.Component;

/** Turns posts into the view records templates show, with dates in the reader's language. */
@Component
public class PostViews {

    PostSummary summary(Post post, @Nullable Long commentCount, Locale locale) {
        return PostSummary.of(post, commentCount, locale);
    }

    public PostView view(Post post, Neighbours neighbours, Locale locale) {
        return PostView.of(post, neighbours, locale);
    }

    /**
     * The header image's markup: in the article it is the first image, fetched at once; on a card
     * it is small, lazy and decorative (the title beside it says what the post is).
     */
    static @Nullable String imageHtml(Post post, boolean header) {
        String url = post.imageUrl();
        if (url == null) {
            return null;
        }
        ImageFacts facts = post.headerImage();
        ImageFacts shown = facts != null ? facts : ImageFacts.original(0, 0, url);
        return header
                ? ImageHtml.of(
                        shown, post.imageAlt() == null ? "" : post.imageAlt(), null, true, ImageHtml.ARTICLE_SIZES)
                : ImageHtml.of(shown, "", null, false, ImageHtml.CARD_SIZES);
    }

    static List<TagLink> tags(List<Tag> tags) {
        return tags.stream()
                .map(t -> new TagLink("/tags/" + t.slug(), t.name()))
                .toList();
    }

    public static DateView date(ZonedDateTime dateTime, Locale locale) {
        return new DateView(
                dateTime.toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).toString(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(dateTime));
    }

    public static DateView date(LocalDate date, Locale locale) {
        return new DateView(
                date.toString(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date));
    }
}
