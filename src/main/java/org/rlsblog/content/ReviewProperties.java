package org.rlsblog.content;

import jakarta.validation.constraints.NotBlank;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When articles are due for review, and who hears of it.
 *
 * @param every how often an article without {@code review_every} is due for review: {@code 12 months}, {@code 2
 *     years}, {@code 6 weeks}, {@code 90 days} or {@code never}
 * @param showOverdue whether readers of an overdue article see a notice that it is due for review
 * @param digest whether the author gets the weekly mail of overdue reviews, broken references and pending comments
 *     (when the site can send mail)
 */
@Validated
@ConfigurationProperties("blog.review")
public record ReviewProperties(
        @DefaultValue("12 months") @NotBlank String every,
        @DefaultValue("false") boolean showOverdue,
        @DefaultValue("true") boolean digest) {

    public ReviewProperties {
        try {
            ReviewIntervals.parse(every);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("blog.review.every " + e.getMessage(), e);
        }
    }

    /** The site's default interval ({@link ReviewIntervals#NEVER} for never). */
    public Period interval() {
        return ReviewIntervals.parse(every);
    }
}
