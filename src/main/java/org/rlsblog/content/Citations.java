package org.rlsblog.content;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns the identifiers a reference gives as text into links: {@code doi:10.1000/xyz} to
 * doi.org, {@code pmid:12345} to PubMed. The identifier stays the link's text, set as a citation
 * ({@code <cite>}), so a reader sees what was cited and a click opens it.
 */
final class Citations {

    /** A DOI (prefix 10., a registrant code, a suffix) or a PubMed id, after {@code doi:} or {@code pmid:}. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "\\b(?:(doi):\\s?(10\\.\\d{4,9}/[^\\s\"<>]+[^\\s\"<>.,;:)\\]])|(pmid):\\s?(\\d{1,9})\\b)",
            Pattern.CASE_INSENSITIVE);

    private Citations() {}

    /** Links the identifiers in the text of {@code footnotes}, leaving text that is already a link alone. */
    static void linkIdentifiers(Element footnotes) {
        for (TextNode text : textNodes(footnotes)) {
            if (!insideLinkOrCode(text)) {
                link(text);
            }
        }
    }

    private static boolean insideLinkOrCode(Node node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent.nodeName().equals("a") || parent.nodeName().equals("code")) {
                return true;
            }
        }
        return false;
    }

    private static List<TextNode> textNodes(Element root) {
        return root.select("*").stream().flatMap(e -> e.textNodes().stream()).toList();
    }

    private static void link(TextNode text) {
        String whole = text.getWholeText();
        Matcher matcher = IDENTIFIER.matcher(whole);
        if (!matcher.find()) {
            return;
        }
        Node after = text;
        int from = 0;
        do {
            boolean doi = matcher.group(1) != null;
            String id = doi ? matcher.group(2) : matcher.group(4);
            String href = doi ? "https://doi.org/" + id : "https://pubmed.ncbi.nlm.nih.gov/" + id + "/";
            TextNode before = new TextNode(whole.substring(from, matcher.start()));
            Element cite = new Element("cite").addClass("citation");
            cite.appendElement("a").attr("href", href).text(doi ? "doi:" + id : "PMID " + id);
            after.after(before);
            before.after(cite);
            after = cite;
            from = matcher.end();
        } while (matcher.find());
        after.after(new TextNode(whole.substring(from)));
        text.remove();
    }
}
