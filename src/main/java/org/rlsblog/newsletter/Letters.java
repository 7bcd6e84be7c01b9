package org.rlsblog.newsletter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import java.time.Duration;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Post;
import org.rlsblog.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a post's mail: the title, the summary or the whole article, its images and links made
 * absolute, a link to read it on the site, and the site's words in the subscriber's language; as
 * plain text and HTML. No tracking pixel and no rewritten link: links point where the author
 * wrote. The mail of a post in a language is written once and kept; only the unsubscribe address
 * differs between subscribers.
 */
@Component
class Letters {

    /** Mails of this many post-and-language pairs are kept written. */
    private static final int KEPT = 16;
    /** A kept mail is written again after this, so that an edit shows in mails still to be sent. */
    private static final Duration KEPT_FOR = Duration.ofMinutes(1);
    /** Stands for the subscriber's own unsubscribe address in a kept mail. */
    private static final String UNSUBSCRIBE = "urn:x-rls-blog:unsubscribe-address";

    private static final FlexmarkHtmlConverter TO_TEXT =
            FlexmarkHtmlConverter.builder().build();

    private record Written(String subject, String text, String html) {}

    private record Key(String slug, Locale lang) {}

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final ContentProperties content;
    private final SiteProperties site;
    private final NewsletterProperties properties;
    private final Cache<Key, Written> written =
            Caffeine.newBuilder().maximumSize(KEPT).expireAfterWrite(KEPT_FOR).build();

    Letters(
            ITemplateEngine templates,
            MessageSource messages,
            ContentProperties content,
            SiteProperties site,
            NewsletterProperties properties) {
        this.templates = templates;
        this.messages = messages;
        this.content = content;
        this.site = site;
        this.properties = properties;
    }

    /** The post's mail to one subscriber. */
    MailOut.Letter letter(Post post, String to, Locale lang, String unsubscribeUrl, String messageId) {
        Written mail = written.get(new Key(post.slug(), MailLanguage.of(lang)), key -> write(post, key.lang()));
        return new MailOut.Letter(
                to,
                mail.subject(),
                mail.text().replace(UNSUBSCRIBE, unsubscribeUrl),
                mail.html().replace(UNSUBSCRIBE, unsubscribeUrl),
                unsubscribeUrl,
                messageId);
    }

    private Written write(Post post, Locale lang) {
        String url = content.absolute(post.url());
        String body = properties.fullContent() ? absoluteLinks(post.html().toString()) : null;
        String image = post.imageUrl() == null ? null : absolute(post.imageUrl());
        Context context = new Context(lang);
        context.setVariable("title", post.title());
        context.setVariable("url", url);
        context.setVariable("image", image);
        context.setVariable("imageAlt", post.imageAlt() == null ? "" : post.imageAlt());
        context.setVariable("summary", post.summary());
        context.setVariable("body", body);
        context.setVariable("siteTitle", site.title());
        context.setVariable("siteUrl", content.absolute("/"));
        context.setVariable("unsubscribeUrl", UNSUBSCRIBE);
        String html = templates.process("newsletter/mail", context);

        StringBuilder text = new StringBuilder(post.title()).append("\n\n");
        text.append(body != null ? TO_TEXT.convert(body).strip() : post.summary())
                .append("\n\n");
        text.append(message(body != null ? "newsletter.mail.read" : "newsletter.mail.readMore", lang))
                .append(": ")
                .append(url)
                .append("\n\n-- \n")
                .append(messages.getMessage("newsletter.mail.footer", new Object[] {site.title()}, lang))
                .append('\n')
                .append(message("newsletter.mail.unsubscribe", lang))
                .append(": ")
                .append(UNSUBSCRIBE)
                .append('\n');
        return new Written(post.title(), text.toString(), html);
    }

    /** The article's HTML with every image, source and link address absolute, so that they work in a mail. */
    private String absoluteLinks(String html) {
        Document document = Jsoup.parseBodyFragment(html, content.absolute("/"));
        for (Element element : document.select("[src]")) {
            element.attr("src", element.absUrl("src"));
        }
        for (Element element : document.select("[href]")) {
            if (!element.attr("href").startsWith("#")) {
                element.attr("href", element.absUrl("href"));
            }
        }
        for (Element element : document.select("[srcset]")) {
            StringBuilder srcset = new StringBuilder();
            for (String candidate : element.attr("srcset").split(",")) {
                String[] parts = candidate.strip().split("\\s+", 2);
                if (srcset.length() > 0) {
                    srcset.append(", ");
                }
                srcset.append(absolute(parts[0])).append(parts.length > 1 ? " " + parts[1] : "");
            }
            element.attr("srcset", srcset.toString());
        }
        document.select("script").remove();
        return document.body().html();
    }

    private String absolute(String url) {
        return url.startsWith("/") && !url.startsWith("//") ? content.absolute(url) : url;
    }

    private String message(String key, Locale lang) {
        return messages.getMessage(key, null, lang);
    }
}
