package org.rlsblog.content;

/** A content file that cannot be published as it is; {@code line} is 1-based, 0 when unknown. */
class ContentFileException extends Exception {

    private final int line;

    ContentFileException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
