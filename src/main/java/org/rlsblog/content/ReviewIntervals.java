package org.rlsblog.content;

import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How often an article is reviewed, as the author writes it: {@code 12 months}, {@code 2 years},
 * {@code 6 weeks}, {@code 90 days}, or {@code never} for an article that is not health advice.
 */
public final class ReviewIntervals {

    /** An article that is never due for review. */
    public static final Period NEVER = Period.ZERO;

    /** More than a lifetime of reviews is a typo. */
    private static final int LONGEST = 999;

    private static final Pattern INTERVAL =
            Pattern.compile("(\\d{1,3})\\s*(day|days|week|weeks|month|months|year|years)");

    private ReviewIntervals() {}

    /**
     * The interval {@code text} names.
     *
     * @throws IllegalArgumentException when it names none, with a message that shows the form
     */
    public static Period parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("never")) {
            return NEVER;
        }
        Matcher matcher = INTERVAL.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "must be a number and a unit (12 months, 2 years, 6 weeks, 90 days) or never, not '" + text + "'");
        }
        int amount = Integer.parseInt(matcher.group(1));
        if (amount < 1 || amount > LONGEST) {
            throw new IllegalArgumentException("must be at least 1, not '" + text + "'");
        }
        return switch (matcher.group(2)) {
            case "day", "days" -> Period.ofDays(amount);
            case "week", "weeks" -> Period.ofWeeks(amount);
            case "month", "months" -> Period.ofMonths(amount);
            default -> Period.ofYears(amount);
        };
    }

    /** The key's interval, or null without the key (the site's default applies). */
    static @Nullable Period parse(FrontMatterFields fields, String key) throws ContentFileException {
        String text = fields.text(key);
        if (text == null) {
            return null;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new ContentFileException(fields.line(key), "'" + key + "' " + e.getMessage());
        }
    }
}
