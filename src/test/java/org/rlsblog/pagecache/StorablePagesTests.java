package org.rlsblog.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.rlsblog.article.CommentCookies;
import org.springframework.mock.web.MockHttpServletRequest;

class StorablePagesTests {

    @Test
    void answersAGetForAReaderPageWithNoQueryButAPageNumber() {
        assertThat(StorablePages.mayAnswer(get("/posts/hello-world", null))).isTrue();
        assertThat(StorablePages.mayAnswer(get("/", "page=2"))).isTrue();
        assertThat(StorablePages.mayAnswer(get("/feed.atom", null))).isTrue();
        assertThat(StorablePages.mayAnswer(get("/search", "q=liver&page=1"))).isTrue();
    }

    @Test
    void leavesEverythingElseToTheFilterChain() {
        MockHttpServletRequest post = get("/posts/hello-world", null);
        post.setMethod("POST");

        assertThat(StorablePages.mayAnswer(post)).isFalse();
        assertThat(StorablePages.mayAnswer(get("/admin", null))).isFalse();
        assertThat(StorablePages.mayAnswer(get("/preview", null))).isFalse();
        assertThat(StorablePages.mayAnswer(get("/preview/abcdefghijklmnopqrstuv", null)))
                .isFalse();
        assertThat(StorablePages.mayAnswer(get("/posts/Hello%2Fworld", null))).isFalse();
        assertThat(StorablePages.mayAnswer(get("/posts/hello-world", "lang=nl")))
                .isFalse();
        assertThat(StorablePages.mayAnswer(get("/search", null))).isFalse();
        assertThat(StorablePages.mayAnswer(get("/search", "q=liver&sort=date"))).isFalse();
    }

    @Test
    void leavesAReaderWithACommentCookieToTheFilterChain() {
        for (String name : new String[] {CommentCookies.PENDING, CommentCookies.REMEMBER}) {
            MockHttpServletRequest request = get("/posts/hello-world", null);
            request.setCookies(new Cookie(name, "x"));

            assertThat(StorablePages.mayAnswer(request)).as(name).isFalse();
        }
    }

    private static MockHttpServletRequest get(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        request.setQueryString(query);
        return request;
    }
}
