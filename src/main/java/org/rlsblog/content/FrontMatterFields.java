package org.rlsblog.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One file's front matter read as typed values. A value that cannot be used is a {@link
 * ContentFileException} on its key's line; a blank text counts as absent.
 */
final class FrontMatterFields {

    /** The length of {@code 2024-05-01}: a date without a time. */
    private static final int ISO_DATE_LENGTH = 10;

    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "yes", true, "false", false, "no", false);

    private final FrontMatter frontMatter;
    private final ZoneId zone;

    /** {@code zone} is the one a date or date-time without an offset is read in. */
    FrontMatterFields(FrontMatter frontMatter, ZoneId zone) {
        this.frontMatter = frontMatter;
        this.zone = zone;
    }

    /** One warning for each key not in {@code known}: such a key is ignored, not an error. */
    List<ContentFileReader.Warning> unknownKeys(Set<String> known) {
        List<ContentFileReader.Warning> warnings = new ArrayList<>();
        frontMatter.values().forEach((key, value) -> {
            if (!known.contains(key)) {
                warnings.add(new ContentFileReader.Warning(
                        value.line(), "unknown front matter key '" + key + "' is ignored"));
            }
        });
        warnings.sort(Comparator.comparingInt(ContentFileReader.Warning::line));
        return warnings;
    }

    /** The line {@code key} stands on; 1, the start of the front matter, when it is not there. */
    int line(String key) {
        FrontMatter.Value value = frontMatter.get(key);
        return value == null ? 1 : value.line();
    }

    String requiredText(String key) throws ContentFileException {
        String value = text(key);
        if (value == null) {
            throw new ContentFileException(line(key), "'" + key + "' is required");
        }
        return value;
    }

    @Nullable
    String text(String key) throws ContentFileException {
        FrontMatter.Value value = frontMatter.get(key);
        if (value == null) {
            return null;
        }
        if (value.text() == null) {
            throw new ContentFileException(value.line(), "'" + key + "' must be a single value, not a list");
        }
        String text = value.text().strip();
        return text.isEmpty() ? null : text;
    }

    /** A YAML list, or one value with commas between the items. */
    List<String> list(String key) {
        FrontMatter.Value value = frontMatter.get(key);
        if (value == null) {
            return List.of();
        }
        List<String> items = value.list() != null
                ? value.list()
                : Arrays.asList((value.text() == null ? "" : value.text()).split(","));
        return items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    boolean bool(String key) throws ContentFileException {
        return bool(key, false);
    }

    /** The key's true or false, or {@code absent} without the key. */
    boolean bool(String key, boolean absent) throws ContentFileException {
        return choice(key, absent, BOOLEANS, "true or false");
    }

    /**
     * The choice that the key's value names (case does not matter), or {@code absent} without one.
     *
     * @param expected the choices, as the message for any other value lists them
     */
    <T> T choice(String key, T absent, Map<String, T> choices, String expected) throws ContentFileException {
        String value = text(key);
        if (value == null) {
            return absent;
        }
        T chosen = choices.get(value.toLowerCase(Locale.ROOT));
        if (chosen == null) {
            throw new ContentFileException(line(key), "'" + key + "' must be " + expected + ", not '" + value + "'");
        }
        return chosen;
    }

    ZonedDateTime requiredDateTime(String key) throws ContentFileException {
        return dateTime(key, requiredText(key));
    }

    @Nullable
    ZonedDateTime dateTime(String key) throws ContentFileException {
        String value = text(key);
        return value == null ? null : dateTime(key, value);
    }

    /** A date (midnight), or a date-time with or without an offset; a space may stand for the T. */
    private ZonedDateTime dateTime(String key, String value) throws ContentFileException {
        try {
            if (value.length() == ISO_DATE_LENGTH) {
                return LocalDate.parse(value).atStartOfDay(zone);
            }
            String iso = value.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(iso).atZone(zone);
            }
        } catch (DateTimeException e) {
            throw new ContentFileException(
                    line(key),
                    "'" + key + "' must be an ISO date (2024-05-01) or date-time (2024-05-01T09:30:00+02:00), not '"
                            + value + "'");
        }
    }

    /** A date; the time of a date-time is dropped. */
    @Nullable
    LocalDate localDate(String key) throws ContentFileException {
        String value = text(key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > ISO_DATE_LENGTH ? value.substring(0, ISO_DATE_LENGTH) : value);
        } catch (DateTimeException e) {
            throw new ContentFileException(
                    line(key), "'" + key + "' must be an ISO date (2024-05-01), not '" + value + "'");
        }
    }

    /** The {@code lang} key: a language tag, English when absent. */
    Locale lang() throws ContentFileException {
        String value = text("lang");
        if (value == null) {
            return Locale.ENGLISH;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw new ContentFileException(
                    line("lang"), "'lang' must be a language tag such as en or nl, not '" + value + "'");
        }
    }
}
