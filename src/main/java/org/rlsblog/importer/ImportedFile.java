package org.rlsblog.importer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The text of a Markdown file the importer writes, and how to recognise it later. The second line
 * is a YAML comment recording a hash of the rest of the file, so a later run can tell a file left
 * as imported from one the author has edited since.
 */
final class ImportedFile {

    private static final String DELIMITER = "---\n";
    private static final Pattern MARKER =
            Pattern.compile("^# Imported from WordPress \\(\\w+ \\d+\\); sha256 ([0-9a-f]{64})\\. .*$");

    private ImportedFile() {}

    /** What a later run finds in a file the importer wants to write. */
    enum State {
        /** The file says it was imported and nobody changed it since. */
        AS_IMPORTED,
        /** The file was imported, then edited. */
        EDITED,
        /** The file was not written by the importer. */
        FOREIGN
    }

    /** One front matter line: a key and its YAML value (already quoted where needed). */
    record Field(String key, String yaml) {}

    static String render(String kind, long wordpressId, List<Field> fields, String markdownBody) {
        String rest = fields.stream().map(f -> f.key() + ": " + f.yaml() + "\n").collect(Collectors.joining())
                + DELIMITER + "\n" + markdownBody;
        return DELIMITER + "# Imported from WordPress (" + kind + " " + wordpressId + "); sha256 "
                + DigestUtils.sha256Hex(rest) + ". Edits are kept on re-import unless --overwrite is given.\n" + rest;
    }

    static State stateOf(String existing) {
        String text = existing.replace("\r\n", "\n");
        if (!text.startsWith(DELIMITER)) {
            return State.FOREIGN;
        }
        int end = text.indexOf('\n', DELIMITER.length());
        if (end < 0) {
            return State.FOREIGN;
        }
        Matcher marker = MARKER.matcher(text.substring(DELIMITER.length(), end));
        if (!marker.matches()) {
            return State.FOREIGN;
        }
        return DigestUtils.sha256Hex(text.substring(end + 1)).equals(marker.group(1))
                ? State.AS_IMPORTED
                : State.EDITED;
    }

    /** A YAML double-quoted string: safe for any text (colons, quotes, leading dashes, non-ASCII). */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> {}
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String list(List<String> values) {
        return values.stream().map(ImportedFile::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
