package org.rlsblog.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Reads one {@code <item>} of an export, with its terms, post meta and comments, into a {@link
 * WxrItem}. While it reads, the {@link WxrPlace} names the item by number, line, id and title, so
 * that XML breaking off half-way points at the post it broke in.
 */
final class WxrItemReader {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern NUMBER_OR_NOTHING = Pattern.compile("\\d*");

    private final XmlCursor xml;
    private final WxrPlace place;

    WxrItemReader(XmlCursor xml, WxrPlace place) {
        this.xml = xml;
        this.place = place;
    }

    /** Reads the item the cursor is on; {@code number} counts the items of the file from 1. */
    WxrItem read(int number) throws XMLStreamException, WxrFormatException {
        Location start = xml.location();
        String where = "item " + number + " (line " + start.getLineNumber() + ")";
        place.item(where);
        Map<String, String> elements = new HashMap<>();
        List<WxrItem.Term> terms = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        List<WxrItem.Comment> comments = new ArrayList<>();
        while (xml.nextChildOf("item")) {
            String key = xml.key();
            switch (key) {
                case "category" -> {
                    String domain = xml.attribute("domain");
                    String nicename = xml.attribute("nicename");
                    terms.add(new WxrItem.Term(
                            domain,
                            nicename,
                            WordPressHtml.decodeEntities(xml.text().strip())));
                }
                case "wp:postmeta" -> {
                    Map<String, String> pair = simpleChildren("postmeta");
                    if (pair.containsKey("wp:meta_key")) {
                        // a post renamed twice has two old slugs: keep them all, one a line
                        meta.merge(
                                pair.get("wp:meta_key"),
                                pair.getOrDefault("wp:meta_value", ""),
                                (a, b) -> a + "\n" + b);
                    }
                }
                case "wp:comment" -> comments.add(readComment());
                default -> {
                    elements.put(key, xml.text());
                    if (key.equals("title") || key.equals("wp:post_id")) {
                        where = "item " + number + " (line " + start.getLineNumber() + ", "
                                + (elements.containsKey("wp:post_id")
                                        ? "post " + elements.get("wp:post_id") + ", "
                                        : "")
                                + "'" + elements.getOrDefault("title", "") + "')";
                        place.item(where);
                    }
                }
            }
        }
        String id = elements.getOrDefault("wp:post_id", "").strip();
        if (!NUMBER.matcher(id).matches()) {
            throw place.error(start, "the item has no numeric <wp:post_id>");
        }
        return new WxrItem(Long.parseLong(id), elements, terms, meta, comments, start.getLineNumber(), where);
    }

    private WxrItem.Comment readComment() throws XMLStreamException, WxrFormatException {
        Location start = xml.location();
        Map<String, String> elements = new HashMap<>();
        while (xml.nextChildOf("comment")) {
            String key = xml.key();
            if (key.equals("wp:commentmeta")) {
                xml.skip();
            } else {
                elements.put(key, xml.text());
            }
        }
        String id = elements.getOrDefault("wp:comment_id", "").strip();
        String parent = elements.getOrDefault("wp:comment_parent", "0").strip();
        if (!NUMBER.matcher(id).matches() || !NUMBER_OR_NOTHING.matcher(parent).matches()) {
            throw place.error(start, "a <wp:comment> has no numeric <wp:comment_id> or <wp:comment_parent>");
        }
        return new WxrItem.Comment(
                Long.parseLong(id), parent.isEmpty() ? 0 : Long.parseLong(parent), elements, start.getLineNumber());
    }

    private Map<String, String> simpleChildren(String parent) throws XMLStreamException {
        Map<String, String> values = new HashMap<>();
        while (xml.nextChildOf(parent)) {
            values.put(xml.key(), xml.text());
        }
        return values;
    }
}
