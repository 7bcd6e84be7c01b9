package org.rlsblog.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.rlsblog.comments.Comment;
import org.rlsblog.comments.XmlText;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Post;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds Atom and RSS documents with Rome; every link in them is absolute. */
@Component
class FeedWriter {

    enum Format {
        ATOM("atom_1.0", "application/atom+xml"),
        RSS("rss_2.0", "application/rss+xml");

        final String romeType;
        final String mediaType;

        Format(String romeType, String mediaType) {
            this.romeType = romeType;
            this.mediaType = mediaType;
        }
    }

    private final ContentProperties site;
    private final FeedProperties properties;
    private final String siteTitle;
    private final String siteAuthor;

    FeedWriter(
            ContentProperties site,
            FeedProperties properties,
            @Value("${blog.site.title:Restless Legs & Liver}") String siteTitle,
            @Value("${blog.site.author:The author}") String siteAuthor) {
        this.site = site;
        this.properties = properties;
        this.siteTitle = siteTitle;
        this.siteAuthor = siteAuthor;
    }

    String posts(Format format, String title, String selfPath, String pagePath, List<Post> newestFirst) {
        SyndFeed feed = feed(format, title, selfPath, pagePath);
        List<SyndEntry> entries = new ArrayList<>();
        Instant updated = Instant.EPOCH;
        for (Post post : newestFirst) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(XmlText.legal(post.title()));
            entry.setLink(site.absolute(post.url()));
            entry.setUri(site.absolute(post.url()));
            entry.setPublishedDate(Date.from(post.published().toInstant()));
            entry.setUpdatedDate(Date.from(post.lastModified().toInstant()));
            entry.setAuthor(post.author() != null ? post.author() : siteAuthor);
            entry.setDescription(text(post.summary()));
            if (properties.fullContent()) {
                SyndContent content = new SyndContentImpl();
                content.setType("html");
                content.setValue(absoluteLinks(post.html().toString()));
                entry.setContents(List.of(content));
            }
            List<SyndCategory> categories = new ArrayList<>();
            post.tags().forEach(tag -> {
                SyndCategory category = new SyndCategoryImpl();
                category.setName(tag.name());
                categories.add(category);
            });
            entry.setCategories(categories);
            entries.add(entry);
            if (post.lastModified().toInstant().isAfter(updated)) {
                updated = post.lastModified().toInstant();
            }
        }
        feed.setEntries(entries);
        feed.setPublishedDate(Date.from(updated));
        return write(feed);
    }

    String comments(Format format, String title, List<Comment> newestFirst, Function<String, String> postTitle) {
        SyndFeed feed = feed(format, title, "/comments/feed.atom", "/");
        List<SyndEntry> entries = new ArrayList<>();
        Instant updated = Instant.EPOCH;
        for (Comment comment : newestFirst) {
            SyndEntry entry = new SyndEntryImpl();
            String url = site.absolute("/posts/" + comment.postSlug() + "#" + comment.anchor());
            entry.setTitle(XmlText.legal(comment.author().name() + " on " + postTitle.apply(comment.postSlug())));
            entry.setLink(url);
            entry.setUri(url);
            entry.setAuthor(XmlText.legal(comment.author().name()));
            entry.setPublishedDate(Date.from(comment.createdAt()));
            entry.setUpdatedDate(Date.from(comment.updatedAt()));
            entry.setDescription(text(comment.body()));
            entries.add(entry);
            if (comment.updatedAt().isAfter(updated)) {
                updated = comment.updatedAt();
            }
        }
        feed.setEntries(entries);
        feed.setPublishedDate(Date.from(updated));
        return write(feed);
    }

    private SyndFeed feed(Format format, String title, String selfPath, String pagePath) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(title.isEmpty() ? siteTitle : siteTitle + ": " + title);
        feed.setDescription(feed.getTitle());
        feed.setAuthor(siteAuthor);
        feed.setLink(site.absolute(pagePath));
        feed.setUri(site.absolute(selfPath));
        feed.setLanguage("en");
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setType(format.mediaType);
        self.setHref(site.absolute(selfPath));
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(site.absolute(pagePath));
        feed.setLinks(List.of(alternate, self));
        return feed;
    }

    /** Site-relative links and images in post HTML made absolute, since feed readers have no base. */
    private String absoluteLinks(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.select("[href^=/], [src^=/]").forEach(element -> {
            for (String attribute : List.of("href", "src")) {
                String value = element.attr(attribute);
                if (value.startsWith("/") && !value.startsWith("//")) {
                    element.attr(attribute, site.absolute(value));
                }
            }
        });
        // a responsive image lists its variants in srcset: each address made absolute the same way
        document.select("[srcset]").forEach(element -> element.attr("srcset", absoluteSrcset(element.attr("srcset"))));
        document.select("a[href^=#]").forEach(a -> a.unwrap());
        document.select("div.video-embed").forEach(FeedWriter::plainVideoLink);
        return document.body().html();
    }

    /**
     * A video poster as a plain link to the video on its site: a feed reader runs no script, and
     * shows neither the poster's styles nor a player.
     */
    private static void plainVideoLink(Element embed) {
        Element poster = embed.selectFirst("a.video-poster");
        if (poster == null) {
            embed.remove();
            return;
        }
        Element title = poster.selectFirst(".video-title");
        Element site = poster.selectFirst(".video-site");
        Element paragraph = new Element("p");
        paragraph
                .appendElement("a")
                .attr("href", poster.attr("href"))
                .text(title == null ? poster.text() : title.text());
        if (site != null) {
            paragraph.appendText(" (" + site.text() + ")");
        }
        embed.replaceWith(paragraph);
    }

    private String absoluteSrcset(String srcset) {
        List<String> candidates = new ArrayList<>();
        for (String candidate : srcset.split(",")) {
            String trimmed = candidate.strip();
            candidates.add(trimmed.startsWith("/") && !trimmed.startsWith("//") ? site.absolute(trimmed) : trimmed);
        }
        return String.join(", ", candidates);
    }

    private static SyndContent text(String value) {
        SyndContent content = new SyndContentImpl();
        content.setType("text");
        content.setValue(XmlText.legal(value));
        return content;
    }

    private static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be written", e);
        }
    }
}
