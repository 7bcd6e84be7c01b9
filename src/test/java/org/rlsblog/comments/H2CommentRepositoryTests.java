package org.rlsblog.comments;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store tests on the default store: an H2 file in a temporary folder, as the app opens it. */
class H2CommentRepositoryTests extends CommentRepositoryTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("rls-blog") + ";WRITE_DELAY=0");
        registry.add("spring.datasource.username", () -> "sa");
    }
}
