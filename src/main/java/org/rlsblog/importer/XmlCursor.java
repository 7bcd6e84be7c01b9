package org.rlsblog.importer;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX stream from element to element and names each element by its namespace, not by the
 * prefix the file happens to use, so every WXR version (1.0 to 1.2) reads the same.
 */
final class XmlCursor {

    private static final String WP_NAMESPACE_PREFIX = "http://wordpress.org/export/";
    private static final String CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";

    private final XMLStreamReader xml;

    XmlCursor(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** Moves to the next start element anywhere below; false at the end of the document. */
    boolean nextElement() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** Moves to the next child element of the current one; false at the parent's end tag. */
    boolean nextChildOf(String parentLocalName) throws XMLStreamException {
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
    String text() throws XMLStreamException {
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

    void skip() throws XMLStreamException {
        text();
    }

    String attribute(String name) {
        String value = xml.getAttributeValue(XMLConstants.NULL_NS_URI, name);
        return value == null ? "" : value;
    }

    String localName() {
        return xml.getLocalName();
    }

    /** {@code wp:post_id} for any WXR version, {@code content:encoded}, {@code dc:creator}, or the plain RSS name. */
    String key() {
        QName name = xml.getName();
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

    Location location() {
        return xml.getLocation();
    }
}
