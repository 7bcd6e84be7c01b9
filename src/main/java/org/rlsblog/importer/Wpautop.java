package org.rlsblog.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's {@code wpautop} (wp-includes/formatting.php), the parts that matter for stored posts.
 * Classic-editor content has no {@code <p>}: WordPress adds them when it shows a post (a blank line
 * starts a paragraph, a single newline is a line break), so the importer does the same before
 * converting. The steps follow WordPress's own, in its order, so they can be checked line by line.
 */
final class Wpautop {

    private static final String ALL_BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt"
            + "|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section"
            + "|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";
    private static final Pattern PRE = Pattern.compile("(?is)<pre[\\s>].*?</pre>");

    private Wpautop() {}

    /** Classic-editor HTML with its paragraphs and line breaks as WordPress shows them. */
    static String autop(String content) {
        if (content.isBlank()) {
            return "";
        }
        List<String> pres = new ArrayList<>();
        Matcher preMatcher = PRE.matcher(content);
        StringBuilder protectedPre = new StringBuilder();
        while (preMatcher.find()) {
            pres.add(preMatcher.group());
            preMatcher.appendReplacement(protectedPre, "<pre wp-pre-tag-" + (pres.size() - 1) + "></pre>");
        }
        preMatcher.appendTail(protectedPre);
        String pee = protectedPre + "\n";
        pee = pee.replaceAll("<br\\s*/?>\\s*<br\\s*/?>", "\n\n");
        pee = pee.replaceAll("(<" + ALL_BLOCKS + "[\\s/>])", "\n\n$1");
        pee = pee.replaceAll("(</" + ALL_BLOCKS + ">)", "$1\n\n");
        pee = pee.replace("\r\n", "\n").replace('\r', '\n');
        pee = pee.replaceAll("\n\n+", "\n\n");
        StringBuilder paragraphs = new StringBuilder();
        for (String part : pee.split("\n\\s*\n")) {
            if (!part.isBlank()) {
                paragraphs.append("<p>").append(trimNewlines(part)).append("</p>\n");
            }
        }
        pee = paragraphs.toString();
        pee = pee.replaceAll("<p>\\s*</p>", "");
        pee = pee.replaceAll("<p>([^<]+)</(div|address|form)>", "<p>$1</p></$2>");
        pee = pee.replaceAll("<p>\\s*(</?" + ALL_BLOCKS + "[^>]*>)\\s*</p>", "$1");
        pee = pee.replaceAll("<p>(<li.+?)</p>", "$1");
        pee = pee.replaceAll("(?i)<p><blockquote([^>]*)>", "<blockquote$1><p>");
        pee = pee.replace("</blockquote></p>", "</p></blockquote>");
        pee = pee.replaceAll("<p>\\s*(</?" + ALL_BLOCKS + "[^>]*>)", "$1");
        pee = pee.replaceAll("(</?" + ALL_BLOCKS + "[^>]*>)\\s*</p>", "$1");
        pee = pee.replaceAll("(?<!<br />)\\s*\n", "<br />\n");
        pee = pee.replaceAll("(</?" + ALL_BLOCKS + "[^>]*>)\\s*<br />", "$1");
        pee = pee.replaceAll("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", "$1");
        pee = pee.replaceAll("\n</p>$", "</p>");
        for (int i = 0; i < pres.size(); i++) {
            pee = pee.replace("<pre wp-pre-tag-" + i + "></pre>", pres.get(i));
        }
        return pee;
    }

    private static String trimNewlines(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '\n') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(start, end);
    }
}
