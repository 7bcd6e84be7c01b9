package org.rlsblog.newsletter;

import java.util.Locale;

/** The languages newsletter mails are written in: the site's two, English otherwise. */
final class MailLanguage {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale DUTCH = Locale.forLanguageTag("nl");

    private MailLanguage() {}

    static Locale of(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? DUTCH : ENGLISH;
    }
}
