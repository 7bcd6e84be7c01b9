package org.rlsblog.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a WordPress export (WXR, any 1.x version) as a stream: the channel header first, then one
 * {@link WxrItem} at a time, so memory stays bounded by the largest single item. Elements are matched
 * by namespace, not by prefix. Anything that is not WXR, or XML that breaks off, is a
 * {@link WxrFormatException} naming the line and column (and the item it happened in).
 */
final class WxrReader {

    static final String WP_NAMESPACE_PREFIX = "http://wordpress.org/export/";
    private static final String CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";

    /** What the channel says about the whole site (it comes before the items). */
    record Channel(String siteUrl, String language, Map<String, String> authorNames, List<String> authorIds) {}

    interface ItemHandler {
        void item(Channel channel, WxrItem item) throws WxrFormatException;
    }

    private final XMLStreamReader xml;
    private final String source;
    private String siteUrl = "";
    private String language = "";
    private final Map<String, String> authorNames = new LinkedHashMap<>();
    private final List<String> authorIds = new ArrayList<>();
    private boolean wxrVersionSeen;
    private @Nullable String currentItem;

    private WxrReader(XMLStreamReader xml, String source) {
        this.xml = xml;
        this.source = source;
    }

    /** Reads every item of the export in {@code in}, handing each to {@code handler} as soon as it is read. */
    static int read(InputStream in, String source, ItemHandler handler) throws WxrFormatException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml;
        try {
            xml = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new WxrFormatException(source + ": not readable as XML: " + message(e));
        }
        WxrReader reader = new WxrReader(xml, source);
        try {
            return reader.readDocument(handler);
        } catch (XMLStreamException e) {
            throw reader.error(e.getLocation(), "the XML is broken or cut off: " + message(e));
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over a stream the caller closes
            }
        }
    }

    private int readDocument(ItemHandler handler) throws XMLStreamException, WxrFormatException {
        nextElement();
        if (!xml.getLocalName().equals("rss")) {
            throw error(
                    xml.getLocation(),
                    "not a WordPress export (WXR): the document starts with <"
                            + xml.getName().getLocalPart() + ">, not <rss>");
        }
        nextElement();
        if (!xml.getLocalName().equals("channel")) {
            throw error(xml.getLocation(), "not a WordPress export (WXR): <rss> has no <channel>");
        }
        int items = 0;
        Channel channel = null;
        while (nextChildOf("channel")) {
            String key = key(xml.getName());
            switch (key) {
                case "wp:wxr_version" -> {
                    wxrVersionSeen = true;
                    text();
                }
                case "wp:base_site_url" -> siteUrl = stripSlash(text().strip());
                case "language" -> language = text().strip();
                case "wp:author" -> readAuthor();
                case "item" -> {
                    if (!wxrVersionSeen) {
                        throw error(
                                xml.getLocation(),
                                "not a WordPress export (WXR): an <item> comes before any <wp:wxr_version>");
                    }
                    if (channel == null) {
                        channel = new Channel(siteUrl, language, Map.copyOf(authorNames), List.copyOf(authorIds));
                    }
                    handler.item(channel, readItem(++items));
                    currentItem = null;
                }
                default -> skip();
            }
        }
        if (!wxrVersionSeen) {
            throw error(xml.getLocation(), "not a WordPress export (WXR): there is no <wp:wxr_version>");
        }
        return items;
    }

    private void readAuthor() throws XMLStreamException {
        String id = null;
        String login = null;
        String name = null;
        while (nextChildOf("author")) {
            switch (key(xml.getName())) {
                case "wp:author_id" -> id = text().strip();
                case "wp:author_login" -> login = text().strip();
                case "wp:author_display_name" -> name = text().strip();
                default -> skip();
            }
        }
        if (id != null) {
            authorIds.add(id);
        }
        if (login != null && name != null && !name.isEmpty()) {
            authorNames.put(login, WordPressHtml.decodeEntities(name));
        }
    }

    private WxrItem readItem(int number) throws XMLStreamException, WxrFormatException {
        Location start = xml.getLocation();
        currentItem = "item " + number + " (line " + start.getLineNumber() + ")";
        Map<String, String> fields = new HashMap<>();
        List<WxrItem.Term> terms = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        List<WxrItem.Comment> comments = new ArrayList<>();
        while (nextChildOf("item")) {
            String key = key(xml.getName());
            switch (key) {
                case "category" -> {
                    String domain = attribute("domain");
                    String nicename = attribute("nicename");
                    terms.add(new WxrItem.Term(domain, nicename, WordPressHtml.decodeEntities(text().strip())));
                }
                case "wp:postmeta" -> {
                    Map<String, String> pair = simpleChildren("postmeta");
                    if (pair.containsKey("wp:meta_key")) {
                        meta.put(pair.get("wp:meta_key"), pair.getOrDefault("wp:meta_value", ""));
                    }
                }
                case "wp:comment" -> comments.add(readComment());
                default -> {
                    fields.put(key, text());
                    if (key.equals("title") || key.equals("wp:post_id")) {
                        currentItem = "item " + number + " (line " + start.getLineNumber() + ", "
                                + (fields.containsKey("wp:post_id") ? "post " + fields.get("wp:post_id") + ", " : "")
                                + "'" + fields.getOrDefault("title", "") + "')";
                    }
                }
            }
        }
        String id = fields.getOrDefault("wp:post_id", "").strip();
        if (!id.matches("\\d+")) {
            throw error(start, "the item has no numeric <wp:post_id>");
        }
        return new WxrItem(
                Long.parseLong(id),
                fields.getOrDefault("wp:post_type", "post").strip(),
                fields.getOrDefault("wp:status", "").strip(),
                fields.getOrDefault("title", ""),
                fields.getOrDefault("link", "").strip(),
                fields.getOrDefault("wp:post_name", "").strip(),
                fields.getOrDefault("wp:post_date", "").strip(),
                fields.getOrDefault("wp:post_date_gmt", "").strip(),
                fields.getOrDefault("wp:post_modified", "").strip(),
                fields.getOrDefault("wp:post_modified_gmt", "").strip(),
                fields.getOrDefault("dc:creator", "").strip(),
                fields.getOrDefault("content:encoded", ""),
                fields.getOrDefault("excerpt:encoded", ""),
                fields.getOrDefault("wp:comment_status", "open").strip(),
                fields.getOrDefault("wp:post_password", ""),
                fields.getOrDefault("wp:attachment_url", "").strip(),
                List.copyOf(terms),
                Map.copyOf(meta),
                List.copyOf(comments),
                start.getLineNumber(),
                currentItem);
    }

    private WxrItem.Comment readComment() throws XMLStreamException, WxrFormatException {
        Location start = xml.getLocation();
        Map<String, String> f = new HashMap<>();
        while (nextChildOf("comment")) {
            String key = key(xml.getName());
            if (key.equals("wp:commentmeta")) {
                skip();
            } else {
                f.put(key, text());
            }
        }
        String id = f.getOrDefault("wp:comment_id", "").strip();
        String parent = f.getOrDefault("wp:comment_parent", "0").strip();
        if (!id.matches("\\d+") || !parent.matches("\\d*")) {
            throw error(start, "a <wp:comment> has no numeric <wp:comment_id> or <wp:comment_parent>");
        }
        return new WxrItem.Comment(
                Long.parseLong(id),
                parent.isEmpty() ? 0 : Long.parseLong(parent),
                f.getOrDefault("wp:comment_author", "").strip(),
                f.getOrDefault("wp:comment_author_email", "").strip(),
                f.getOrDefault("wp:comment_author_url", "").strip(),
                f.getOrDefault("wp:comment_date", "").strip(),
                f.getOrDefault("wp:comment_date_gmt", "").strip(),
                f.getOrDefault("wp:comment_content", ""),
                f.getOrDefault("wp:comment_approved", "").strip(),
                f.getOrDefault("wp:comment_type", "").strip(),
                f.getOrDefault("wp:comment_user_id", "0").strip(),
                start.getLineNumber());
    }

    private Map<String, String> simpleChildren(String parent) throws XMLStreamException {
        Map<String, String> values = new HashMap<>();
        while (nextChildOf(parent)) {
            values.put(key(xml.getName()), text());
        }
        return values;
    }

    // ---- Stream helpers ----

    /** Moves to the next start element anywhere below; fails at the end of the document. */
    private void nextElement() throws XMLStreamException, WxrFormatException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw error(xml.getLocation(), "not a WordPress export (WXR): the document ends early");
    }

    /** Moves to the next child element of the current one; false at the parent's end tag. */
    private boolean nextChildOf(String parentLocalName) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(parentLocalName)) {
                return false;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside <" + parentLocalName + ">", xml.getLocation());
            }
        }
    }

    /** The text of a simple element (CDATA included); nested elements are dropped, their text kept. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.END_DOCUMENT ->
                    throw new XMLStreamException("the document ends inside an element", xml.getLocation());
                default -> {
                    // comments and processing instructions carry no content
                }
            }
        }
        return text.toString();
    }

    private void skip() throws XMLStreamException {
        text();
    }

    private String attribute(String name) {
        String value = xml.getAttributeValue(XMLConstants.NULL_NS_URI, name);
        return value == null ? "" : value;
    }

    /** {@code wp:post_id} for any WXR version, {@code content:encoded}, {@code dc:creator}, or the plain RSS name. */
    private static String key(QName name) {
        String ns = name.getNamespaceURI();
        String local = name.getLocalPart();
        if (ns == null || ns.isEmpty()) {
            return local;
        }
        if (ns.startsWith(WP_NAMESPACE_PREFIX)) {
            return ns.contains("/excerpt") ? "excerpt:" + local : "wp:" + local;
        }
        if (ns.equals(CONTENT_NAMESPACE)) {
            return "content:" + local;
        }
        if (ns.equals(DC_NAMESPACE)) {
            return "dc:" + local;
        }
        return ns + ":" + local;
    }

    private WxrFormatException error(@Nullable Location where, String problem) {
        String place = where == null
                ? source
                : source + ", line " + where.getLineNumber() + ", column " + where.getColumnNumber();
        return new WxrFormatException(place + (currentItem == null ? "" : ", in " + currentItem) + ": " + problem);
    }

    private static String message(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int marker = message.indexOf("Message: ");
        return marker >= 0 ? message.substring(marker + "Message: ".length()) : message;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
