package org.rlsblog.feed;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.rlsblog.content.ContentChanged;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Page;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.Tag;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /sitemap.xml} with every published post, page and tag page and their last change, and
 * {@code /robots.txt} pointing at it. Drafts, scheduled posts and admin pages are never listed.
 * The sitemap is written with the JDK's StAX writer, once per content snapshot and visible count.
 */
@Controller
class SitemapController {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final PostCatalog catalog;
    private final ContentProperties site;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    SitemapController(PostCatalog catalog, ContentProperties site) {
        this.catalog = catalog;
        this.site = site;
    }

    private static final Duration ROBOTS_CACHED_FOR = Duration.ofHours(1);
    private static final Duration SITEMAP_CACHED_FOR = Duration.ofMinutes(10);

    private record Cached(String key, byte[] body, String etag) {}

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> showRobots() {
        String robots = "User-agent: *\nDisallow: /admin/\nDisallow: /moderate/\nDisallow: /subscriptions/\n"
                + "Disallow: /search\n\nSitemap: " + site.absolute("/sitemap.xml") + "\n";
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(ROBOTS_CACHED_FOR).cachePublic())
                .body(robots);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> showSitemap() throws XMLStreamException {
        List<Post> posts = catalog.published();
        String key = catalog.loadedAt() + "|" + posts.size();
        Cached current = cached.get();
        if (current == null || !current.key().equals(key)) {
            byte[] body = write(posts).getBytes(StandardCharsets.UTF_8);
            current = new Cached(key, body, "\"" + DigestUtils.md5DigestAsHex(body) + "\"");
            cached.set(current);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .eTag(current.etag())
                .cacheControl(CacheControl.maxAge(SITEMAP_CACHED_FOR).cachePublic())
                .body(current.body());
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        cached.set(null);
    }

    private String write(List<Post> posts) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(NS);
        ZonedDateTime newest = posts.isEmpty() ? null : posts.get(0).lastModified();
        url(xml, "/", newest);
        url(xml, "/archive", newest);
        Map<String, ZonedDateTime> tagModified = new HashMap<>();
        Map<String, Tag> tags = new TreeMap<>();
        for (Post post : posts) {
            url(xml, post.url(), post.lastModified());
            for (Tag tag : post.tags()) {
                tags.putIfAbsent(tag.slug(), tag);
                tagModified.merge(tag.slug(), post.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (Page page : catalog.pages()) {
            url(xml, page.url(), page.updated());
        }
        for (String tag : tags.keySet()) {
            url(xml, "/tags/" + tag, tagModified.get(tag));
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private void url(XMLStreamWriter xml, String path, ZonedDateTime modified) throws XMLStreamException {
        xml.writeStartElement("url");
        xml.writeStartElement("loc");
        xml.writeCharacters(site.absolute(path));
        xml.writeEndElement();
        if (modified != null) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    modified.toOffsetDateTime().withNano(0)));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
