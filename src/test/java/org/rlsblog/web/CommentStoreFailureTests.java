package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.h2.api.Trigger;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.CommentSiteTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * When the store refuses writes (a full disk, a read-only data directory: here an H2 trigger
 * that fails every insert, which is what the site sees then), posting a comment answers a clear
 * 503 with the reader's text kept, articles are still served, and posting works again once the
 * store does.
 */
class CommentStoreFailureTests extends CommentSiteTestSupport {

    /** Fails every insert, as a store on a full or read-only disk does. */
    public static class RefuseWrites implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("No space left on device", "HY000");
        }
    }

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void storeWorksAgain() {
        jdbc.sql("DROP TRIGGER IF EXISTS refuse_writes").update();
    }

    @Test
    void answers503WithTheTextKeptWhileTheStoreRefusesWritesAndAcceptsAgainAfter() {
        jdbc.sql("CREATE TRIGGER refuse_writes BEFORE INSERT ON comment FOR EACH ROW CALL \""
                        + RefuseWrites.class.getName() + "\"")
                .update();
        Map<String, String> fields = aComment("Words I do not want to lose when the disk is full.");

        MvcTestResult refused = submit(SEED_SLUG, fields);

        assertThat(refused).hasStatus(503);
        Document page = html(refused);
        assertThat(page.select("#comment-error").text()).contains("could not be saved");
        assertThat(page.select("textarea#body").text()).isEqualTo("Words I do not want to lose when the disk is full.");
        assertThat(page.select("input#email").attr("value")).isEqualTo(fields.get("email"));
        assertThat(page(SEED_SLUG).select("h1").text()).isEqualTo("RLS and Liver Diseases");

        storeWorksAgain();
        Map<String, String> again = aComment("Words I do not want to lose when the disk is full.");
        assertThat(submit(SEED_SLUG, again)).hasStatus(303);
    }
}
