package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;

class ReviewsTests {

    private final TestClock clock = new TestClock();

    private Reviews reviews(String every, boolean showOverdue) {
        return new Reviews(
                new ReviewProperties(every, showOverdue, true), ContentFixtures.properties(Path.of("content")), clock);
    }

    private static Post post(String frontMatter) throws ContentFileException {
        return ContentFixtures.reader()
                .readPost(Path.of("content/posts/x.md"), "---\ntitle: T\n" + frontMatter + "\n---\nText.\n")
                .item();
    }

    @Test
    void isDueTheIntervalAfterTheLastReviewAsOfTheInjectedClock() throws Exception {
        Post post = post("date: 2023-01-01\nreviewed: 2024-06-15\nreview_every: 6 months");
        Reviews reviews = reviews("12 months", false);

        assertThat(reviews.due(post)).contains(LocalDate.of(2024, 12, 15));
        clock.set(Instant.parse("2024-12-15T12:00:00Z"));
        assertThat(reviews.isOverdue(post)).as("on the day it is due").isFalse();
        clock.set(Instant.parse("2024-12-16T12:00:00Z"));
        assertThat(reviews.isOverdue(post)).isTrue();
    }

    @Test
    void takesTheSiteDefaultFromThePublicationWhenThereIsNoReview() throws Exception {
        Post post = post("date: 2024-05-01");

        assertThat(reviews("2 years", false).due(post)).contains(LocalDate.of(2026, 5, 1));
        assertThat(reviews("2 years", false).isOverdue(post)).isFalse();
        assertThat(reviews("12 months", false).isOverdue(post)).isTrue();
    }

    @Test
    void neverDueWhenNeverIsWritten() throws Exception {
        assertThat(reviews("12 months", true).due(post("date: 2001-01-01\nreview_every: never")))
                .isEmpty();
        assertThat(reviews("never", true).isOverdue(post("date: 2001-01-01"))).isFalse();
    }

    @Test
    void showsReadersTheNoticeOnlyWhenTheAuthorSaysSo() throws Exception {
        Post old = post("date: 2020-01-01");

        assertThat(reviews("12 months", false).showsOverdueNotice(old)).isFalse();
        assertThat(reviews("12 months", true).showsOverdueNotice(old)).isTrue();
    }

    @Test
    void readsIntervalsAsTheAuthorWritesThem() {
        assertThat(ReviewIntervals.parse("12 months")).isEqualTo(Period.ofMonths(12));
        assertThat(ReviewIntervals.parse("1 Year")).isEqualTo(Period.ofYears(1));
        assertThat(ReviewIntervals.parse("6 weeks")).isEqualTo(Period.ofWeeks(6));
        assertThat(ReviewIntervals.parse("90days")).isEqualTo(Period.ofDays(90));
        assertThat(ReviewIntervals.parse("never")).isEqualTo(ReviewIntervals.NEVER);
        assertThatIllegalArgumentException().isThrownBy(() -> ReviewIntervals.parse("yearly"));
        assertThatIllegalArgumentException().isThrownBy(() -> ReviewIntervals.parse("0 months"));
    }

    @Test
    void reportsABadIntervalOnItsLine() {
        assertThatThrownBy(() -> post("date: 2024-05-01\nreview_every: sometimes"))
                .isInstanceOf(ContentFileException.class)
                .hasMessageContaining("'review_every' must be")
                .satisfies(e -> assertThat(((ContentFileException) e).line()).isEqualTo(4));
    }

    @Test
    void refusesABadSiteDefaultNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReviewProperties("sometimes", false, true))
                .withMessageContaining("blog.review.every");
    }
}
