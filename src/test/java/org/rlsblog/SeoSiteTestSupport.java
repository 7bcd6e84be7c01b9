package org.rlsblog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * One application for the tests of what search engines, feed readers and the search box see:
 * feeds, sitemap, page metadata and search. Its own site folder (so the post counts other HTTP
 * tests rely on stay as they are): the real {@code content/} plus a reviewed article with an
 * image, {@code about} and footnote references, a Dutch post with a footnote, a post much like
 * the seed article without a tag in common, a draft, a post scheduled a month
 * after "now", and a dozen short posts that all mention magnesium (for paging search results).
 * Links are made absolute from {@link #BASE_URL}, which is not the address the tests call.
 */
// no search rate limit, and time enough for a search on a busy machine (SearchRateLimitTests and
// SearchIndexTests test both limits)
@SpringBootTest(
        properties = {
            "blog.watch=false",
            "blog.base-url=" + SeoSiteTestSupport.BASE_URL,
            "blog.search.searches-per-minute=0",
            "blog.search.time-limit=1m"
        })
@AutoConfigureMockMvc
@Import(TestClock.InContext.class)
public abstract class SeoSiteTestSupport {

    public static final Instant NOW = TestClock.NOW;
    public static final String BASE_URL = "https://rls.example.org";
    public static final String SEED_SLUG = "rls-and-liver-diseases";
    public static final String REVIEWED_SLUG = "iron-tablets-reviewed";
    public static final String DUTCH_SLUG = "wandelen-tegen-onrust";
    /** Much text like the seed article's, but no tag in common with it. */
    public static final String LIVER_FACTS_SLUG = "facts-about-the-liver";

    public static final String DRAFT_SLUG = "unfinished-thoughts";
    public static final String SCHEDULED_SLUG = "coming-in-july";
    /** When the scheduled post comes out: a month after {@link #NOW}. */
    public static final Instant SCHEDULED_AT = Instant.parse("2025-07-01T08:00:00Z");

    public static final int MAGNESIUM_POSTS = 12;

    private static Path root;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected MockMvcTester mvc;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> root().resolve("content").toString());
        registry.add("blog.data-dir", () -> root().resolve("data").toString());
    }

    /** Runs {@code check} with the clock at {@code instant}, and puts the clock back afterwards. */
    protected void at(Instant instant, Runnable check) {
        Instant before = clock.instant();
        clock.set(instant);
        try {
            check.run();
        } finally {
            clock.set(before);
        }
    }

    // ---- The site folder ----

    private static synchronized Path root() {
        if (root == null) {
            root = SiteFolders.temporary("rls-blog-seo", SeoSiteTestSupport::createSite);
        }
        return root;
    }

    private static void createSite(Path site) throws IOException {
        Path content = SiteFolders.copyContent(site);
        SiteFolders.post(content, REVIEWED_SLUG + ".md", """
                title: Iron tablets, reviewed
                date: 2025-03-10T09:00:00+01:00
                updated: 2025-04-02T10:30:00+02:00
                summary: What the studies say about iron tablets for restless legs.
                tags: [iron, RLS]
                image: /media/iron.jpg
                image_alt: A jar of iron tablets
                reviewed: 2025-04-01
                reviewed_by: Dr. Ada Reviewer
                about: [Restless legs syndrome, Iron deficiency]
                """, """
                Iron tablets help some people with restless legs.[^1] See [the about page](/about) and
                [elsewhere](https://other.example.com/page).

                ![A jar](/media/iron.jpg)

                Ferritin below 75 is the usual threshold.[^2] Doses `<200 mg>` & more.

                [^1]: Allen R. [Iron and RLS](https://doi.org/10.1000/iron-rls). Sleep Med. 2020.
                [^2]: [Ferritin guideline](https://guidelines.example.org/ferritin).
                """);
        SiteFolders.post(content, DUTCH_SLUG + ".md", """
                title: Wandelen tegen de onrust
                date: 2024-09-15T08:00:00+02:00
                lang: nl
                tags: [beweging]
                """, """
                Lange wandelingen in de avond helpen veel mensen met rusteloze benen.[^1]

                [^1]: [Onderzoek naar bewegen](https://onderzoek.example.nl/wandelen).
                """);
        SiteFolders.post(content, LIVER_FACTS_SLUG + ".md", """
                title: Facts about the liver
                date: 2021-05-05T09:00:00+02:00
                tags: [organs]
                """, """
                The liver is an organ. The liver stores iron and vitamins; the liver makes bile.
                Liver diseases and liver cells: the liver, the liver, the liver.
                """);
        SiteFolders.post(content, DRAFT_SLUG + ".md", """
                title: Unfinished thoughts
                date: 2024-01-01
                draft: true
                tags: [draft-only]
                """, "A zanzibarian draft that nobody may see yet.");
        SiteFolders.post(content, SCHEDULED_SLUG + ".md", """
                title: Coming in July
                date: 2025-07-01T10:00:00+02:00
                tags: [future-only]
                """, "A quokka post that comes out in July.");
        for (int i = 1; i <= MAGNESIUM_POSTS; i++) {
            SiteFolders.post(
                    content,
                    "magnesium-note-%02d.md".formatted(i),
                    """
                    title: Magnesium note %d
                    date: 2022-01-%02dT09:00:00+01:00
                    tags: [minerals]
                    """.formatted(i, i),
                    "Magnesium in the evening, note number %d.".formatted(i));
        }
        Files.createDirectories(content.resolve("media"));
        Files.write(content.resolve("media/iron.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
    }
}
