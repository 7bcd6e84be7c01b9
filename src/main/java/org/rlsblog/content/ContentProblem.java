package org.rlsblog.content;

import java.nio.file.Path;

/** A content file that was left out, and why: file, 1-based line (0 when unknown) and message. */
public record ContentProblem(Path file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
