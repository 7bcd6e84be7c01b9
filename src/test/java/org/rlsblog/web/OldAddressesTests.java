package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OldAddressesTests {

    @ParameterizedTest(name = "{0} ? {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "/, feed=rss2, /feed.rss",
                "/, feed=atom, /feed.atom",
                "/, feed=comments-rss2, /comments/feed.atom",
                "/, s=liver+iron, /search?q=liver+iron",
                "/feed/atom/, null, /feed.atom",
                "/feed/rss2/, null, /feed.rss",
                "/comments/feed/, null, /comments/feed.atom",
                "/tag/rls/, null, /tags/rls",
                "/tag/rls/feed/, null, /tags/rls/feed.atom",
                "/posts/rls-and-liver-diseases/, null, /posts/rls-and-liver-diseases",
                "/search/, q=liver, /search?q=liver",
                "/archive//, null, /archive",
                "//evil.example/, null, /evil.example"
            })
    void findsWhereAnOldAddressLivesNow(String path, String query, String target) {
        assertThat(OldAddresses.target(path, query)).hasValue(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/feed/", "/admin/", "/posts/rls-and-liver-diseases", "/feed.atom", "/tags/rls"})
    void leavesTheSitesOwnAddressesAlone(String path) {
        assertThat(OldAddresses.target(path, null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=2", "lang=nl", "feed=something-else", "p=123"})
    void leavesAHomePageQueryItDoesNotKnowToTheHomePage(String query) {
        assertThat(OldAddresses.target("/", query)).isEmpty();
    }
}
