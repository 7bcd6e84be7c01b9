package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store tests on the default store: an H2 file in a temporary folder, as the app opens it. */
class H2CommentStoreTests extends CommentStoreTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("rls-blog") + ";WRITE_DELAY=0");
        registry.add("spring.datasource.username", () -> "sa");
    }

    @Test
    void theDuplicateCheckTrustsThePairsItHoldsOnceThePostWasChecked() {
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Behind its back")))
                .isFalse();

        insertBehindTheRepositorysBack("Behind its back");

        // only this process writes to the file, so the store is not asked again
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Behind its back")))
                .isFalse();
        assertThat(freshWrites().existsDuplicate(POST, "ann@example.org", sha("Behind its back")))
                .isTrue();
    }

    @Test
    void aPurgeLetsGoOfThePairsHeldSoThatEachPostsAreReadAgain() {
        store(aComment().body("Old spam", sha("Old spam")).status(CommentStatus.SPAM));
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Behind its back")))
                .isFalse();
        insertBehindTheRepositorysBack("Behind its back");
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Behind its back")))
                .isFalse();

        assertThat(writes.purge(EnumSet.of(CommentStatus.SPAM), minutes(60))).isOne();

        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Behind its back")))
                .isTrue();
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("Old spam")))
                .isFalse();
    }

    @Test
    void theCommentTableHasNoIndexOnTheTextsHash() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'COMMENT'"
                                + " AND INDEX_NAME = 'COMMENT_POST_BODY_HASH_IDX'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'COMMENT'"
                                + " AND INDEX_NAME = 'COMMENT_POST_STATUS_CREATED_IDX'")
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
