package org.rlsblog.content;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When an article is due for review: its last review ({@code reviewed}), or its publication when
 * it has none, plus its interval ({@code review_every}, else {@code blog.review.every}). Today is
 * the injected clock's date in the site's time zone.
 */
@Component
public class Reviews {

    private final ReviewProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    Reviews(ReviewProperties properties, ContentProperties content, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.zone = content.timeZone();
    }

    /** The day the post is due for review; empty for one never reviewed ({@code never}). */
    public Optional<LocalDate> due(Post post) {
        Period every = post.reviewEvery() != null ? post.reviewEvery() : properties.interval();
        if (every.isZero()) {
            return Optional.empty();
        }
        LocalDate since = post.reviewed() != null
                ? post.reviewed()
                : post.published().withZoneSameInstant(zone).toLocalDate();
        return Optional.of(since.plus(every));
    }

    /** Whether the day it was due has passed. */
    public boolean isOverdue(Post post) {
        return due(post).map(day -> day.isBefore(today())).orElse(false);
    }

    /** Whether readers of this post are told that it is due for review ({@code blog.review.show-overdue}). */
    public boolean showsOverdueNotice(Post post) {
        return properties.showOverdue() && isOverdue(post);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ReviewProperties properties() {
        return properties;
    }
}
