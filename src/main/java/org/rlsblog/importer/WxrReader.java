package org.rlsblog.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR, any 1.x version) as a stream: the channel header first, then one
 * {@link WxrItem} at a time, so memory stays bounded by the largest single item. Anything that is
 * not WXR, or XML that breaks off, is a {@link WxrFormatException} naming the line and column (and
 * the item it happened in).
 */
final class WxrReader {

    private static final String MESSAGE_MARKER = "Message: ";

    /** What the channel says about the whole site (it comes before the items). */
    record Channel(String siteUrl, String language, Map<String, String> authorNames, List<String> authorIds) {}

    interface ItemHandler {
        void item(Channel channel, WxrItem item) throws WxrFormatException;
    }

    private final XmlCursor xml;
    private final WxrPlace place;
    private final WxrItemReader items;
    private String siteUrl = "";
    private String language = "";
    private final Map<String, String> authorNames = new LinkedHashMap<>();
    private final List<String> authorIds = new ArrayList<>();
    private boolean wxrVersionSeen;

    private WxrReader(XMLStreamReader xml, String source) {
        this.xml = new XmlCursor(xml);
        this.place = new WxrPlace(source);
        this.items = new WxrItemReader(this.xml, place);
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
            throw reader.place.error(e.getLocation(), "the XML is broken or cut off: " + message(e));
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
        if (!xml.localName().equals("rss")) {
            throw place.error(
                    xml.location(),
                    "not a WordPress export (WXR): the document starts with <" + xml.localName() + ">, not <rss>");
        }
        nextElement();
        if (!xml.localName().equals("channel")) {
            throw place.error(xml.location(), "not a WordPress export (WXR): <rss> has no <channel>");
        }
        int count = 0;
        Channel channel = null;
        while (xml.nextChildOf("channel")) {
            switch (xml.key()) {
                case "wp:wxr_version" -> {
                    wxrVersionSeen = true;
                    xml.text();
                }
                case "wp:base_site_url" -> siteUrl = stripSlash(xml.text().strip());
                case "language" -> language = xml.text().strip();
                case "wp:author" -> readAuthor();
                case "item" -> {
                    if (!wxrVersionSeen) {
                        throw place.error(
                                xml.location(),
                                "not a WordPress export (WXR): an <item> comes before any <wp:wxr_version>");
                    }
                    if (channel == null) {
                        channel = new Channel(siteUrl, language, Map.copyOf(authorNames), List.copyOf(authorIds));
                    }
                    handler.item(channel, items.read(++count));
                    place.item(null);
                }
                default -> xml.skip();
            }
        }
        if (!wxrVersionSeen) {
            throw place.error(xml.location(), "not a WordPress export (WXR): there is no <wp:wxr_version>");
        }
        return count;
    }

    private void nextElement() throws XMLStreamException, WxrFormatException {
        if (!xml.nextElement()) {
            throw place.error(xml.location(), "not a WordPress export (WXR): the document ends early");
        }
    }

    private void readAuthor() throws XMLStreamException {
        String id = null;
        String login = null;
        String name = null;
        while (xml.nextChildOf("author")) {
            switch (xml.key()) {
                case "wp:author_id" -> id = xml.text().strip();
                case "wp:author_login" -> login = xml.text().strip();
                case "wp:author_display_name" -> name = xml.text().strip();
                default -> xml.skip();
            }
        }
        if (id != null) {
            authorIds.add(id);
        }
        if (login != null && name != null && !name.isEmpty()) {
            authorNames.put(login, WordPressHtml.decodeEntities(name));
        }
    }

    /** The parser's own words, without the location prefix it puts before them (we name the place ourselves). */
    private static String message(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int marker = message.indexOf(MESSAGE_MARKER);
        return marker >= 0 ? message.substring(marker + MESSAGE_MARKER.length()) : message;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
