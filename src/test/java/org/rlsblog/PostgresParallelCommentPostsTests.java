package org.rlsblog;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Comments sent at once, on a real PostgreSQL (a fresh database on the embedded server). */
class PostgresParallelCommentPostsTests extends ParallelCommentPostsTests {

    private static final String URL = TestPostgres.newDatabase("parallel_posts");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
