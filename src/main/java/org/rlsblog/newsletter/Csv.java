package org.rlsblog.newsletter;

/**
 * CSV rows (RFC 4180) that a spreadsheet cannot run: a cell starting with {@code = + - @} (or a tab
 * or carriage return) gets a leading apostrophe, so that it is shown as text, never as a formula.
 */
final class Csv {

    private Csv() {}

    static String row(String... cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells[i]));
        }
        return row.append("\r\n").toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
