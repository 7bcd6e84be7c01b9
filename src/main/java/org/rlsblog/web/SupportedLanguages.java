package org.rlsblog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/** The interface languages: English and Dutch. A browser asking for anything else gets English. */
final class SupportedLanguages {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final List<Locale> ALL = List.of(ENGLISH, DUTCH);

    private SupportedLanguages() {}

    /** The best supported match for the browser's {@code Accept-Language}, else English. */
    static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), ALL);
            return match != null ? match : ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    static Locale supportedOrEnglish(Locale locale) {
        return locale != null && locale.getLanguage().equals("nl") ? DUTCH : ENGLISH;
    }
}
