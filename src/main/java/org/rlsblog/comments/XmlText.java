package org.rlsblog.comments;

/**
 * Text that XML 1.0 can carry, and so a feed, a sitemap or a mail. A character outside XML's set
 * (U+FFFE, U+FFFF, a lone surrogate, a control character other than tab and line breaks) would
 * make the XML writer throw, so one such comment would break a whole feed.
 */
public final class XmlText {

    private XmlText() {}

    /** Whether {@code c}, a whole code point, is allowed in XML 1.0. */
    public static boolean isLegal(int c) {
        return c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** {@code text} without the characters XML cannot carry; the same string when it has none. */
    public static String legal(String text) {
        if (text.codePoints().allMatch(XmlText::isLegal)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::isLegal).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
