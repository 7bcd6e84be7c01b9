package org.rlsblog.importer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** WordPress's stored dates: local {@code yyyy-MM-dd HH:mm:ss} strings, each with a GMT twin that gives its offset. */
final class WordPressDates {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** How WordPress writes "no date", for instance the GMT date of a draft. */
    private static final String NO_DATE = "0000-00-00";
    /** The widest offset there is; twins further apart do not describe one moment. */
    private static final Duration MAX_OFFSET = Duration.ofHours(18);

    private WordPressDates() {}

    /** A WordPress local date with the offset its GMT twin gives, or null when either is missing. */
    static @Nullable OffsetDateTime withOffset(String local, String gmt) {
        LocalDateTime l = parse(local);
        LocalDateTime g = parse(gmt);
        if (l == null || g == null) {
            return null;
        }
        long seconds = Duration.between(g, l).getSeconds();
        if (Math.abs(seconds) > MAX_OFFSET.getSeconds()) {
            return null;
        }
        return OffsetDateTime.of(l, ZoneOffset.ofTotalSeconds((int) seconds));
    }

    /** The date without an offset, or null when it is missing or not WordPress's format. */
    static @Nullable LocalDateTime parse(String value) {
        if (value.isEmpty() || value.startsWith(NO_DATE)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, WP_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
