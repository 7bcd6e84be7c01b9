package org.rlsblog.web;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The response headers that belong to one answer (its cookies, date, length and body type), which
 * a page kept to answer others with must not carry. The refused search pages and the page cache
 * both keep pages, so they leave out the same ones.
 */
public final class OneAnswerHeaders {

    private static final Set<String> NAMES =
            Set.of("set-cookie", "date", "content-length", "content-type", "content-language", "transfer-encoding");

    private OneAnswerHeaders() {}

    /** These header names, in lower case, and {@code more} a keeper sets or leaves out itself. */
    public static Set<String> and(String... more) {
        return Stream.concat(NAMES.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }
}
