package org.rlsblog.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Post} component by component, by name: seventeen arguments in a row are too easy
 * to swap. What is not set is what a front matter without that key gives.
 */
final class PostBuilder {

    private @Nullable String slug;
    private @Nullable String title;
    private @Nullable ZonedDateTime published;
    private @Nullable ZonedDateTime updated;
    private List<Tag> tags = List.of();
    private List<String> aliases = List.of();
    private Locale lang = Locale.ENGLISH;
    private @Nullable String author;
    private @Nullable String image;
    private @Nullable String imageAlt;
    private @Nullable LocalDate reviewed;
    private @Nullable String reviewedBy;
    private CommentMode comments = CommentMode.OPEN;
    private List<String> about = List.of();
    private boolean newsletter = true;
    private @Nullable Period reviewEvery;
    private @Nullable PostBody body;
    private @Nullable Path source;

    PostBuilder slug(String slug) {
        this.slug = slug;
        return this;
    }

    PostBuilder title(String title) {
        this.title = title;
        return this;
    }

    PostBuilder published(ZonedDateTime published) {
        this.published = published;
        return this;
    }

    PostBuilder updated(@Nullable ZonedDateTime updated) {
        this.updated = updated;
        return this;
    }

    PostBuilder tags(List<Tag> tags) {
        this.tags = tags;
        return this;
    }

    PostBuilder aliases(List<String> aliases) {
        this.aliases = aliases;
        return this;
    }

    PostBuilder lang(Locale lang) {
        this.lang = lang;
        return this;
    }

    PostBuilder author(@Nullable String author) {
        this.author = author;
        return this;
    }

    PostBuilder image(@Nullable String image, @Nullable String imageAlt) {
        this.image = image;
        this.imageAlt = imageAlt;
        return this;
    }

    PostBuilder reviewed(@Nullable LocalDate reviewed, @Nullable String reviewedBy) {
        this.reviewed = reviewed;
        this.reviewedBy = reviewedBy;
        return this;
    }

    PostBuilder comments(CommentMode comments) {
        this.comments = comments;
        return this;
    }

    PostBuilder about(List<String> about) {
        this.about = about;
        return this;
    }

    PostBuilder newsletter(boolean newsletter) {
        this.newsletter = newsletter;
        return this;
    }

    PostBuilder reviewEvery(@Nullable Period reviewEvery) {
        this.reviewEvery = reviewEvery;
        return this;
    }

    PostBuilder body(PostBody body) {
        this.body = body;
        return this;
    }

    PostBuilder source(Path source) {
        this.source = source;
        return this;
    }

    Post build() {
        return new Post(
                Objects.requireNonNull(slug, "slug"),
                Objects.requireNonNull(title, "title"),
                Objects.requireNonNull(published, "published"),
                updated,
                tags,
                aliases,
                lang,
                author,
                image,
                imageAlt,
                reviewed,
                reviewedBy,
                comments,
                about,
                newsletter,
                reviewEvery,
                Objects.requireNonNull(body, "body"),
                Objects.requireNonNull(source, "source"));
    }
}
