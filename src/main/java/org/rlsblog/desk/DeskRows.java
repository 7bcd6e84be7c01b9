package org.rlsblog.desk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.content.ContentProblem;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Page;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.Reviews;
import org.rlsblog.content.Tag;
import org.springframework.stereotype.Component;

/**
 * Reads what the desk shows from the catalog, the comment store and the preview links: every post
 * and page with its state, and the articles due for review or without references.
 */
@Component
class DeskRows {

    private final PostCatalog catalog;
    private final CommentService comments;
    private final PreviewTokens tokens;
    private final Reviews reviews;
    private final ContentProperties content;

    DeskRows(
            PostCatalog catalog,
            CommentService comments,
            PreviewTokens tokens,
            Reviews reviews,
            ContentProperties content) {
        this.catalog = catalog;
        this.comments = comments;
        this.tokens = tokens;
        this.reviews = reviews;
        this.content = content;
    }

    /** Drafts first, then scheduled posts, then the published ones newest first, then the pages. */
    List<PostRow> rows(Locale locale) {
        Map<String, Long> approved = comments.countsByPost(CommentStatus.APPROVED);
        Map<String, Long> pending = comments.countsByPost(CommentStatus.PENDING);
        Map<String, PreviewTokens.PreviewToken> previews = tokens.liveBySlug();
        List<PostRow> rows = new ArrayList<>();
        List<Post> drafts = catalog.drafts();
        Set<String> draftSlugs = drafts.stream().map(Post::slug).collect(Collectors.toSet());
        List<Post> posts = new ArrayList<>(drafts);
        posts.addAll(catalog.allPosts());
        for (Post post : posts) {
            String status =
                    draftSlugs.contains(post.slug()) ? "draft" : catalog.isPublished(post) ? "published" : "scheduled";
            PreviewTokens.PreviewToken preview = status.equals("published") ? null : previews.get(post.slug());
            rows.add(new PostRow(
                    new PostRow.Item(
                            "post",
                            post.slug(),
                            post.title(),
                            post.url(),
                            status,
                            post.lang().toLanguageTag(),
                            post.tags().stream().map(Tag::name).collect(Collectors.joining(", ")),
                            relative(post.source())),
                    dates(post, status.equals("published"), locale),
                    new PostRow.Counts(approved.getOrDefault(post.slug(), 0L), pending.getOrDefault(post.slug(), 0L)),
                    preview == null ? null : previewUrl(preview.token())));
        }
        for (Page page : catalog.pages()) {
            rows.add(pageRow(page, "published", locale));
        }
        for (Page page : catalog.draftPages()) {
            rows.add(pageRow(page, "draft", locale));
        }
        return rows;
    }

    /** The published articles past their review date, most overdue first. */
    List<Post> overdue() {
        return catalog.published().stream()
                .filter(reviews::isOverdue)
                .sorted((a, b) ->
                        reviews.due(a).orElseThrow().compareTo(reviews.due(b).orElseThrow()))
                .toList();
    }

    /** The published articles that cite nothing, except those never reviewed ({@code review_every: never}). */
    List<Post> withoutReferences() {
        return catalog.published().stream()
                .filter(post ->
                        reviews.due(post).isPresent() && post.citations().isEmpty())
                .toList();
    }

    List<ProblemView> problems(List<ContentProblem> problems) {
        return problems.stream()
                .map(p -> new ProblemView(relative(p.file()), p.line(), p.message()))
                .toList();
    }

    String dueText(Post post, Locale locale) {
        return reviews.due(post).map(day -> date(day, locale)).orElse("");
    }

    String previewUrl(String token) {
        return content.absolute("/preview/" + token);
    }

    private PostRow.Dates dates(Post post, boolean published, Locale locale) {
        return new PostRow.Dates(
                date(post.published(), locale),
                post.updated() == null ? "" : date(post.updated(), locale),
                post.reviewed() == null ? "" : date(post.reviewed(), locale),
                post.reviewedBy() == null ? "" : post.reviewedBy(),
                dueText(post, locale),
                published && reviews.isOverdue(post));
    }

    private PostRow pageRow(Page page, String status, Locale locale) {
        return new PostRow(
                new PostRow.Item(
                        "page",
                        page.slug(),
                        page.title(),
                        page.url(),
                        status,
                        page.lang().toLanguageTag(),
                        "",
                        relative(page.source())),
                new PostRow.Dates("", page.updated() == null ? "" : date(page.updated(), locale), "", "", "", false),
                new PostRow.Counts(0, 0),
                null);
    }

    /** The file's path under the content folder, as the author knows it. */
    private String relative(Path file) {
        Path root = content.contentDir().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : file.toString();
    }

    private static String date(@Nullable ZonedDateTime dateTime, Locale locale) {
        return dateTime == null ? "" : format(locale).format(dateTime);
    }

    private static String date(LocalDate date, Locale locale) {
        return format(locale).format(date);
    }

    private static DateTimeFormatter format(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }
}
