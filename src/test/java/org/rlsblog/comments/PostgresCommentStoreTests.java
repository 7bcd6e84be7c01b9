package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rlsblog.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store tests on a real PostgreSQL (a fresh database on the embedded server). */
class PostgresCommentStoreTests extends CommentStoreTests {

    private static final String URL = TestPostgres.newDatabase("comment_repository");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void theDuplicateCheckAsksTheDatabaseEveryTimeAsOtherReplicasWriteToo() {
        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("On another replica")))
                .isFalse();

        insertBehindTheRepositorysBack("On another replica");

        assertThat(writes.existsDuplicate(POST, "ann@example.org", sha("On another replica")))
                .isTrue();
    }

    @Test
    void theCommentTableKeepsItsIndexOnTheTextsHash() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'comment'"
                                + " AND indexname = 'comment_post_body_hash_idx'")
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
