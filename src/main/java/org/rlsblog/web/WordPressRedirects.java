package org.rlsblog.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.PostCatalog;

/**
 * The addresses a WordPress blog had that need the content to answer: {@code /?p=N},
 * {@code /?page_id=N}, {@code /?attachment_id=N} and {@code /archives/N} by the front matter's
 * WordPress ids; permalinks in WordPress's structures by the post's slug or old slug; categories
 * and authors; date archives ({@code /2023/03/}, {@code ?m=202303}); list pages ({@code /page/2/},
 * {@code ?paged=2}); and {@code …/feed/} after any of them. Only addresses the site itself never
 * uses are matched, so no page of the site is ever redirected.
 */
final class WordPressRedirects {

    private static final Pattern ID_QUERY = Pattern.compile("(?:^|&)(?:p|page_id|attachment_id)=(\\d{1,18})(?:&|$)");
    private static final Pattern DATE_QUERY = Pattern.compile("(?:^|&)m=(\\d{4})(\\d{2})?(\\d{2})?(?:&|$)");
    private static final Pattern PAGED_QUERY = Pattern.compile("(?:^|&)paged=(\\d{1,6})(?:&|$)");
    private static final Pattern FEED = Pattern.compile("(.+?)/feed(?:/(?:rss2?|atom|rdf))?/?");
    private static final Pattern CATEGORY = Pattern.compile("/category/(?:[a-z0-9%_-]+/)*?([a-z0-9-]{1,200})/?");
    private static final Pattern AUTHOR = Pattern.compile("/author/[^/]{1,200}/?");
    private static final Pattern DATE = Pattern.compile("/(\\d{4})(?:/(\\d{2}))?(?:/(\\d{2}))?/?");
    private static final Pattern DATED_POST = Pattern.compile("/\\d{4}/\\d{2}(?:/\\d{2})?/([a-z0-9-]{1,200})/?");
    private static final Pattern NUMERIC = Pattern.compile("/archives/(\\d{1,18})/?");
    private static final Pattern LIST_PAGE = Pattern.compile("/page/(\\d{1,6})/?");
    private static final Pattern SLUG_PATH = Pattern.compile("(?:/[a-z0-9-]{1,200}){1,4}/?");
    /** The site's own addresses with more than one segment that are not reserved for content: never guessed at. */
    private static final Pattern SITE_PATH = Pattern.compile("/(?:posts|subscriptions|moderate|comments)(?:/.*)?");

    private final PostCatalog catalog;

    WordPressRedirects(PostCatalog catalog) {
        this.catalog = catalog;
    }

    /** Where a GET for {@code path} (and its raw {@code query}) should go, if it is an old WordPress address. */
    Optional<String> target(String path, @Nullable String query) {
        if (path.equals("/") && query != null) {
            return fromQuery(query);
        }
        if (path.startsWith("/posts/") || path.startsWith("/media/")) {
            // the site's busiest addresses; an old post address there is an alias, found before this
            return Optional.empty();
        }
        Matcher feed = FEED.matcher(path);
        if (feed.matches() && !path.startsWith("/tag/") && !path.startsWith("/category/")) {
            // a post's comment feed: the post itself, where its comments are
            return target(feed.group(1), null).or(() -> catalog.aliasTarget(feed.group(1)));
        }
        Matcher category = CATEGORY.matcher(path);
        if (category.matches()) {
            return Optional.of("/tags/" + category.group(1));
        }
        if (path.startsWith("/category/")) {
            Matcher categoryFeed = FEED.matcher(path);
            if (categoryFeed.matches()
                    && CATEGORY.matcher(categoryFeed.group(1)).matches()) {
                Matcher c = CATEGORY.matcher(categoryFeed.group(1));
                c.matches();
                return Optional.of("/tags/" + c.group(1) + "/feed.atom");
            }
        }
        if (AUTHOR.matcher(path).matches()) {
            return Optional.of("/");
        }
        Matcher date = DATE.matcher(path);
        if (date.matches()) {
            return Optional.of(archive(date.group(1), date.group(2), date.group(3)));
        }
        Matcher listPage = LIST_PAGE.matcher(path);
        if (listPage.matches()) {
            return Optional.of(listPage.group(1).equals("1") ? "/" : "/?page=" + listPage.group(1));
        }
        Matcher numeric = NUMERIC.matcher(path);
        if (numeric.matches()) {
            return catalog.wordpressTarget(Long.parseLong(numeric.group(1)));
        }
        Matcher dated = DATED_POST.matcher(path);
        if (dated.matches()) {
            return bySlug(dated.group(1));
        }
        if (SLUG_PATH.matcher(path).matches()
                && !SITE_PATH.matcher(path).matches()
                && !PostCatalog.isReservedAddress(path)) {
            String[] segments = path.substring(1).split("/");
            String last = segments[segments.length - 1];
            if (segments.length == 1 && catalog.findPage(last).isPresent()) {
                return Optional.empty();
            }
            // a child page (/parent/child/) or a custom structure ending in the post's name
            Optional<String> page =
                    segments.length > 1 ? catalog.findPage(last).map(p -> "/" + p.slug()) : Optional.empty();
            return page.or(() -> bySlug(last));
        }
        return Optional.empty();
    }

    private Optional<String> fromQuery(String query) {
        Matcher id = ID_QUERY.matcher(query);
        if (id.find()) {
            return catalog.wordpressTarget(Long.parseLong(id.group(1)));
        }
        Matcher date = DATE_QUERY.matcher(query);
        if (date.find()) {
            return Optional.of(archive(date.group(1), date.group(2), date.group(3)));
        }
        Matcher paged = PAGED_QUERY.matcher(query);
        if (paged.find()) {
            return Optional.of("/?page=" + paged.group(1));
        }
        return Optional.empty();
    }

    /** A post by its slug, or by a slug it had before (its {@code /posts/old-slug} alias). */
    private Optional<String> bySlug(String slug) {
        return catalog.findPost(slug).map(p -> p.url()).or(() -> catalog.aliasTarget("/posts/" + slug));
    }

    private static String archive(String year, @Nullable String month, @Nullable String day) {
        return "/archive/" + year + (month == null ? "" : "/" + month) + (day == null ? "" : "/" + day);
    }
}
