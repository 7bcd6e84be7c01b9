package org.rlsblog.comments;

import org.rlsblog.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store tests on a real PostgreSQL (a fresh database on the embedded server). */
class PostgresCommentRepositoryTests extends CommentRepositoryTests {

    private static final String URL = TestPostgres.newDatabase("comment_repository");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
