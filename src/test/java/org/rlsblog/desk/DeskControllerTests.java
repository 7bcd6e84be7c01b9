package org.rlsblog.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class DeskControllerTests extends DeskSiteTestSupport {

    @AfterEach
    void resetClock() {
        clock.set(TestClock.NOW);
    }

    @Test
    void sendsAnAnonymousVisitorToTheLogin() {
        MvcTestResult result = mvc.get().uri("/admin/posts").exchange();

        assertThat(result).hasStatus(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/admin/login");
    }

    @Test
    void listsEveryPostAndPageWithItsState() {
        Document page = html(asAuthor("/admin/posts"));

        assertThat(row(page, "post-iron-and-rls").text())
                .contains("Iron and restless legs", "posts/2024-01-01-iron-and-rls.md", "iron", "en")
                .contains("0 approved, 0 pending", "Dr. Visser");
        assertThat(row(page, "post-draft-for-the-doctor").text()).contains("Draft");
        assertThat(row(page, "post-scheduled").text()).contains("Scheduled");
        assertThat(row(page, "post-sleep-diary").text()).contains("Published", "nl");
        assertThat(row(page, "page-about").text()).contains("About", "page");
    }

    @Test
    void showsABrokenFileWithItsLine() {
        Document page = html(asAuthor("/admin/posts"));

        assertThat(page.select("#problems .problem"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.text())
                        .startsWith("posts/broken.md:3")
                        .contains("'date' must be an ISO date"));
    }

    @Test
    void noticesContentProblemsOnTheModerationPage() {
        Document page = html(asAuthor("/admin/comments"));

        assertThat(page.select(".content-problems-notice a").attr("href")).isEqualTo("/admin/posts#problems");
        assertThat(page.select(".content-problems-notice").text()).startsWith("1 problem");
    }

    @Test
    void listsOverdueReviewsAsOfTheInjectedClock() {
        Document now = html(asAuthor("/admin/posts"));

        assertThat(now.select("#reviews li.overdue"))
                .singleElement()
                .satisfies(li -> assertThat(li.text()).contains("Iron and restless legs"));

        // the diary, published 1 May 2025 and never reviewed, is due a year later
        clock.set(Instant.parse("2026-05-02T12:00:00Z"));
        Document later = html(asAuthor("/admin/posts"));

        assertThat(later.select("#reviews li.overdue"))
                .extracting(Element::text)
                .anySatisfy(text -> assertThat(text).contains("Keeping a sleep diary"))
                .noneSatisfy(text -> assertThat(text).contains("My garden"));
    }

    @Test
    void listsArticlesWithoutReferencesButNotThoseNeverReviewed() {
        Document page = html(asAuthor("/admin/posts"));

        assertThat(page.select("li.no-references")).extracting(Element::text).containsExactly("Keeping a sleep diary");
    }

    private static Element row(Document page, String id) {
        Element row = page.getElementById(id);
        assertThat(row).as("row %s", id).isNotNull();
        return row;
    }
}
