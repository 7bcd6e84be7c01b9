package org.rlsblog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.rlsblog.SiteFolders;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running application for the browser, malformed-request and header tests: the {@link
 * TestSite} content, its own data folder, the admin area switched on, and the comment timing checks
 * off (tests that post comments are faster than any person). Spring caches this context, so every
 * class extending this shares one server.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "blog.watch=false",
            "blog.admin.password=" + LiveSiteSupport.ADMIN_PASSWORD,
            "blog.admin.login-attempts=50",
            "blog.comments.min-fill-time=0",
            "blog.comments.flood-interval=0",
            "blog.search.searches-per-minute=0",
            "blog.search.time-limit=1m"
        })
public abstract class LiveSiteSupport {

    protected static final String ADMIN_PASSWORD = "correct horse battery staple";

    /** The seed article: has one approved Dutch reader comment, imported at start-up. */
    protected static final String LONG_ARTICLE = "/posts/a-long-read";

    protected static final String SEED_ARTICLE = "/posts/rls-and-liver-diseases";

    /** A post with two videos: a YouTube one with a title, a Vimeo one without. */
    protected static final String VIDEO_ARTICLE = "/posts/stretching-on-video";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", LiveSiteSupport::contentDir);
        registry.add("blog.data-dir", LiveSiteSupport::dataDir);
    }

    /**
     * A copy of the {@link TestSite} content plus a post with videos and one long article (longer than the largest
     * response buffer, {@link org.rlsblog.pagecache.PageCacheFilter#LARGEST_RESPONSE_BUFFER}), so adding to it never
     * changes what the other HTTP tests see.
     */
    private static String contentDir() {
        try {
            Path content = TestSite.root().resolve("content-live");
            if (!Files.isDirectory(content)) {
                SiteFolders.copy(TestSite.contentDir(), content);
                SiteFolders.post(
                        content,
                        "a-long-read.md",
                        "title: A long read\ndate: 2022-01-01\ntags: [long]\n",
                        "Many words about sleep and iron.\n\n".repeat(2_500));
                SiteFolders.post(
                        content,
                        "stretching-on-video.md",
                        "title: Stretching on video\ndate: 2021-03-01\ntags: [exercise]\n",
                        """
                        Two stretches, shown rather than told.

                        @[Calf stretch & "rest" <b>before bed</b>](https://youtu.be/dQw4w9WgXcQ?t=42)

                        The second one:

                        https://vimeo.com/76979871
                        """);
            }
            return content.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data folder of its own, so this context never shares a database file with another. */
    private static String dataDir() {
        try {
            Path data = Files.createDirectories(TestSite.root().resolve("data-live"));
            // a file next to content/ that path traversal would reach: it must never be served
            Files.copy(Path.of("pom.xml"), TestSite.root().resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
            return data.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The {@code Set-Cookie} headers of an answer that set the named cookie. */
    protected static List<String> cookies(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .toList();
    }
}
