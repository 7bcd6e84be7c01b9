package org.rlsblog.content;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Content settings for tests, naming only what differs from the defaults of {@link ContentProperties};
 * nothing watches the folder, and the data folder is beside the content folder unless named.
 */
public final class TestContentProperties {

    private Path contentDir = Path.of("content");
    private ZoneId timeZone = ZoneId.of("Europe/Amsterdam");
    private URI baseUrl = URI.create("http://localhost:8080");
    private @Nullable Path dataDir;

    private TestContentProperties() {}

    public static TestContentProperties builder() {
        return new TestContentProperties();
    }

    public TestContentProperties contentDir(Path contentDir) {
        this.contentDir = contentDir;
        return this;
    }

    public TestContentProperties timeZone(ZoneId timeZone) {
        this.timeZone = timeZone;
        return this;
    }

    public TestContentProperties baseUrl(String baseUrl) {
        this.baseUrl = URI.create(baseUrl);
        return this;
    }

    public TestContentProperties dataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    public ContentProperties build() {
        return new ContentProperties(
                contentDir,
                timeZone,
                false,
                Duration.ofMillis(300),
                3,
                200,
                baseUrl,
                dataDir == null ? contentDir.resolveSibling("data") : dataDir);
    }
}
