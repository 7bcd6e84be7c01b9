package org.rlsblog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.ImageFacts;
import org.rlsblog.content.Page;
import org.rlsblog.content.Post;
import org.rlsblog.content.Tag;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@link PageMeta} for each kind of page, including the JSON-LD of an article:
 * schema.org {@code BlogPosting} on a {@code MedicalWebPage}, with dates, {@code lastReviewed},
 * author, {@code about} and the footnote references as {@code citation}.
 */
@Component
public class PageMetas {

    private final ContentProperties content;
    private final SiteProperties site;
    private final JsonMapper json;

    PageMetas(ContentProperties content, SiteProperties site, JsonMapper json) {
        this.content = content;
        this.site = site;
        this.json = json;
    }

    PageMeta forSite(String path, String title) {
        return website(title, site.description(), path)
                .jsonLd(websiteJsonLd())
                .feeds(siteFeeds())
                .build();
    }

    PageMeta forTag(Tag tag, String path, String title) {
        List<PageMeta.FeedLink> feeds = new ArrayList<>(siteFeeds());
        feeds.add(new PageMeta.FeedLink("application/atom+xml", title, "/tags/" + tag.slug() + "/feed.atom"));
        return website(title, site.description(), path).feeds(feeds).build();
    }

    PageMeta forPage(Page page) {
        return website(page.title(), page.summary(), page.url())
                .modifiedIso(
                        page.updated() == null
                                ? null
                                : page.updated().toOffsetDateTime().toString())
                .feeds(siteFeeds())
                .build();
    }

    public PageMeta forPost(Post post) {
        PageMeta.Image image = previewImage(post);
        String published = post.published().toOffsetDateTime().toString();
        String modified = post.lastModified().toOffsetDateTime().toString();
        return PageMeta.builder()
                .title(post.title())
                .description(post.summary())
                .canonicalUrl(content.absolute(post.url()))
                .type("article")
                .image(image)
                .publishedIso(published)
                .modifiedIso(modified)
                .jsonLd(articleJsonLd(post, image == null ? null : image.url(), published, modified))
                .feeds(siteFeeds())
                .build();
    }

    private PageMeta.Builder website(String title, String description, String path) {
        return PageMeta.builder()
                .title(title)
                .description(description)
                .canonicalUrl(content.absolute(path))
                .type("website");
    }

    private List<PageMeta.FeedLink> siteFeeds() {
        return List.of(
                new PageMeta.FeedLink("application/atom+xml", site.title() + " (Atom)", "/feed.atom"),
                new PageMeta.FeedLink("application/rss+xml", site.title() + " (RSS)", "/feed.rss"));
    }

    private String websiteJsonLd() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "WebSite");
        data.put("name", site.title());
        data.put("url", content.absolute("/"));
        data.put("description", site.description());
        return write(data);
    }

    private String articleJsonLd(Post post, @Nullable String image, String published, String modified) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("@type", "Person");
        author.put("name", post.author() != null ? post.author() : site.author());
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@type", "BlogPosting");
        article.put("headline", post.title());
        article.put("description", post.summary());
        article.put("datePublished", published);
        article.put("dateModified", modified);
        article.put("author", author);
        article.put("inLanguage", post.lang().toLanguageTag());
        article.put("mainEntityOfPage", content.absolute(post.url()));
        article.put("url", content.absolute(post.url()));
        if (image != null) {
            article.put("image", image);
        }
        if (!post.tags().isEmpty()) {
            article.put("keywords", post.tags().stream().map(Tag::name).toList());
        }
        if (!post.citations().isEmpty()) {
            article.put("citation", post.citations());
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "MedicalWebPage");
        page.put("name", post.title());
        page.put("url", content.absolute(post.url()));
        page.put("inLanguage", post.lang().toLanguageTag());
        if (post.reviewed() != null) {
            page.put("lastReviewed", post.reviewed().toString());
            if (post.reviewedBy() != null) {
                page.put("reviewedBy", Map.of("@type", "Person", "name", post.reviewedBy()));
            }
        }
        if (!post.about().isEmpty()) {
            page.put(
                    "about",
                    post.about().stream()
                            .map(name -> Map.of("@type", "MedicalCondition", "name", name))
                            .toList());
        }
        page.put("mainEntity", article);
        return write(page);
    }

    /** The header image's variant for previews (up to 1200 px wide), with its size when known. */
    private PageMeta.@Nullable Image previewImage(Post post) {
        String url = post.imageUrl();
        if (url == null) {
            return null;
        }
        ImageFacts facts = post.headerImage();
        if (facts == null || !facts.hasSize()) {
            return new PageMeta.Image(absolute(url), post.imageAlt(), 0, 0);
        }
        ImageFacts.Candidate preview = facts.preview();
        return new PageMeta.Image(
                absolute(preview.url()), post.imageAlt(), preview.width(), facts.heightAt(preview.width()));
    }

    private String absolute(String url) {
        return url.startsWith("/") && !url.startsWith("//") ? content.absolute(url) : url;
    }

    /** JSON that cannot end its {@code <script>} element early: {@code <}, {@code >} and {@code &} escaped. */
    private String write(Map<String, Object> data) {
        return json.writeValueAsString(data)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }
}
