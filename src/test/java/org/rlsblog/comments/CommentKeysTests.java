package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import org.apache.commons.codec.digest.DigestUtils;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/** Which stores {@link CommentKeys} may trust, and how it makes a pair one number. */
class CommentKeysTests {

    @Test
    void anEmbeddedH2DatabaseHasOneWriter() {
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:file:./data/rls-blog;WRITE_DELAY=0;CACHE_SIZE=4096"))
                .isTrue();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:./data/rls-blog")).isTrue();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isTrue();
    }

    @Test
    void aDatabaseOtherProcessesCanWriteHasMoreThanOne() {
        assertThat(CommentKeys.isSoleWriter("jdbc:postgresql://db:5432/blog")).isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:tcp://localhost/~/blog")).isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:ssl://localhost/~/blog")).isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:file:./data/blog;AUTO_SERVER=TRUE"))
                .isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:file:./data/blog;auto_server = true"))
                .isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:file:./data/blog;FILE_LOCK=NO"))
                .isFalse();
        assertThat(CommentKeys.isSoleWriter(null)).isFalse();
    }

    @Test
    void theSettingsComeFromThePoolsConfigurationNotFromAnOpenConnection() {
        // an open H2 connection reports its URL without the settings: jdbc:h2:file:./data/blog
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:file:./data/blog;AUTO_SERVER=TRUE");
            assertThat(CommentKeys.configuredUrl(pool)).isEqualTo("jdbc:h2:file:./data/blog;AUTO_SERVER=TRUE");
            assertThat(CommentKeys.isSoleWriter(CommentKeys.configuredUrl(pool)))
                    .isFalse();
            // behind the proxies Spring may put around it too
            assertThat(CommentKeys.configuredUrl(new TransactionAwareDataSourceProxy(pool)))
                    .isEqualTo("jdbc:h2:file:./data/blog;AUTO_SERVER=TRUE");
        }
    }

    @Test
    void settingsGivenAsConnectionPropertiesCountToo() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:file:./data/blog");
            assertThat(CommentKeys.isSoleWriter(CommentKeys.configuredUrl(pool)))
                    .isTrue();

            pool.addDataSourceProperty("AUTO_SERVER", "TRUE");

            assertThat(CommentKeys.isSoleWriter(CommentKeys.configuredUrl(pool)))
                    .isFalse();
        }
        DriverManagerDataSource driver = new DriverManagerDataSource("jdbc:h2:file:./data/blog");
        Properties settings = new Properties();
        settings.setProperty("FILE_LOCK", "NO");
        driver.setConnectionProperties(settings);
        assertThat(CommentKeys.isSoleWriter(CommentKeys.configuredUrl(driver))).isFalse();
    }

    @Test
    void aKindOfPoolNotKnownIsNotTrusted() {
        JdbcDataSource unknown = new JdbcDataSource();
        unknown.setURL("jdbc:h2:file:./data/blog");

        assertThat(CommentKeys.configuredUrl(unknown)).isNull();
        assertThat(CommentKeys.isSoleWriter(CommentKeys.configuredUrl(unknown))).isFalse();
    }

    @Test
    void aKeyDependsOnTheAddressAndTheText() {
        String text = DigestUtils.sha256Hex("Same words");
        long key = CommentKeys.key("ann@example.org", text);

        assertThat(CommentKeys.key("ann@example.org", text)).isEqualTo(key);
        assertThat(CommentKeys.key("bob@example.org", text)).isNotEqualTo(key);
        assertThat(CommentKeys.key("ann@example.org", DigestUtils.sha256Hex("Other words")))
                .isNotEqualTo(key);
    }
}
