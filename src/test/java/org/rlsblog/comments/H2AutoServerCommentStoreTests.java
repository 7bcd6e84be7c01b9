package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store tests on an H2 file opened with {@code AUTO_SERVER=TRUE}, which other processes may
 * then write through a server H2 starts: the duplicate check must ask the store every time, though
 * the URL an open connection reports no longer carries that setting.
 */
class H2AutoServerCommentStoreTests extends CommentStoreTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void h2FileServedToOthers(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + dataDir.resolve("rls-blog") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE");
        registry.add("spring.datasource.username", () -> "sa");
    }

    @Test
    void theDuplicateCheckAsksTheStoreEveryTime() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).doesNotContain("AUTO_SERVER");
        }
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Behind its back")))
                .isFalse();

        insertBehindTheRepositorysBack("Behind its back");

        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Behind its back")))
                .isTrue();
    }
}
