package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A real H2 file left mostly empty by many small commits, as a burst of comments leaves it. */
class StoreCompactionTests {

    @TempDir
    Path dataDir;

    private SingleConnectionDataSource dataSource;

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    private JdbcTemplate store(String url) {
        dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        return new JdbcTemplate(dataSource);
    }

    private JdbcTemplate fileStore() {
        return store("jdbc:h2:file:" + dataDir.resolve("rls-blog") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    /** One commit per statement, as comments arrive: each writes its pages anew; the old ones wait 45 s. */
    private static void manySmallCommits(JdbcTemplate jdbc, int commits) {
        jdbc.execute("CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(200))");
        for (int i = 0; i < commits; i++) {
            jdbc.update("MERGE INTO note KEY (id) VALUES (?, ?)", i % 50, "A comment's worth of text, number " + i);
        }
    }

    @Test
    void compactsAFileThatIsMostlyEmptyAndKeepsItsData() throws Exception {
        JdbcTemplate jdbc = fileStore();
        manySmallCommits(jdbc, 3_000);
        Path file = dataDir.resolve("rls-blog.mv.db");
        long before = Files.size(file);
        assertThat(before).as("the test needs a grown file").isGreaterThan(4L << 20);

        new StoreCompaction(jdbc, 2L << 20).destroy();

        // measured before the last connection closes: H2 compacts a little at close by itself
        assertThat(Files.size(file)).isLessThan(before / 4);
        dataSource.destroy();
        JdbcTemplate reopened = fileStore();
        assertThat(reopened.queryForObject("SELECT COUNT(*) FROM note", Integer.class))
                .isEqualTo(50);
        assertThat(reopened.queryForObject("SELECT body FROM note WHERE id = 49", String.class))
                .isEqualTo("A comment's worth of text, number 2999");
    }

    @Test
    void leavesASmallFileOpenAndAsItIs() throws Exception {
        JdbcTemplate jdbc = fileStore();
        manySmallCommits(jdbc, 300);
        long before = Files.size(dataDir.resolve("rls-blog.mv.db"));

        new StoreCompaction(jdbc).destroy();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Integer.class))
                .as("still open")
                .isEqualTo(50);
        assertThat(Files.size(dataDir.resolve("rls-blog.mv.db"))).isEqualTo(before);
    }

    @Test
    void leavesAStoreThatIsNotAnH2FileAlone() {
        JdbcTemplate jdbc = store("jdbc:h2:mem:compaction-test");
        manySmallCommits(jdbc, 300);

        new StoreCompaction(jdbc, 0).destroy();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Integer.class))
                .isEqualTo(50);
    }

    @Test
    void asksAStoreThatIsNotH2ForNoConnection() {
        AtomicInteger asked = new AtomicInteger();
        // a PostgreSQL store stopped before the context closes, as tests and a lost network leave it
        DriverManagerDataSource gone = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/blog") {
            @Override
            protected Connection getConnectionFromDriver(Properties props) throws SQLException {
                asked.incrementAndGet();
                return super.getConnectionFromDriver(props);
            }
        };

        new StoreCompaction(new JdbcTemplate(gone), 0).destroy();

        assertThat(asked).hasValue(0);
    }
}
