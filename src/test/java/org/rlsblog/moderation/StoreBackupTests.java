package org.rlsblog.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.CommentSiteTestSupport;
import org.rlsblog.comments.CommentStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /admin/backup} on the running site (H2 file store): the author gets a zip that,
 * unzipped into an empty data folder, is a database holding every comment as it was, and nobody
 * else gets one.
 */
class StoreBackupTests extends CommentSiteTestSupport {

    private static final String POST = "moderated";

    @Value("${blog.data-dir}")
    Path dataDir;

    @TempDir
    Path restored;

    record StoredComment(String body, String status) {}

    @Test
    void givesTheAuthorAZipThatRestoresEveryCommentWithItsIdBodyAndStatus() throws Exception {
        Map<Long, StoredComment> posted = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            String body = "Backed up comment " + i + " " + System.nanoTime();
            long id = commentId(submit(POST, aComment(body)));
            boolean approve = i % 2 == 0;
            if (approve) {
                assertThat(comments.moderate(id, CommentStatus.APPROVED)).isTrue();
            }
            posted.put(id, new StoredComment(body, approve ? "APPROVED" : "PENDING"));
        }

        MvcTestResult result =
                mvc.post().uri("/admin/backup").with(csrf()).cookie(login()).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("application/zip");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains(".zip");
        byte[] zip = result.getResponse().getContentAsByteArray();
        assertThat(zip).hasSize(result.getResponse().getContentLength());
        List<String> entries = unzip(zip, restored);
        assertThat(entries).contains("rls-blog.mv.db");

        Map<Long, StoredComment> inBackup = commentsIn(restored.resolve("rls-blog"), posted.keySet());
        assertThat(inBackup).containsExactlyInAnyOrderEntriesOf(posted);
        assertThat(countIn(restored.resolve("rls-blog")))
                .as("every comment of the running store, seed included")
                .isEqualTo(comments.countByStatus().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    @Test
    void keepsACopyOfTheDownloadInTheBackupsFolderOfTheDataDirectory() throws Exception {
        MvcTestResult result =
                mvc.post().uri("/admin/backup").with(csrf()).cookie(login()).exchange();

        assertThat(result).hasStatusOk();
        String disposition = result.getResponse().getHeader("Content-Disposition");
        String name = disposition.replaceAll(".*filename=\"?([^\";]+)\"?.*", "$1");
        Path kept = dataDir.resolve("backups").resolve(name);
        assertThat(kept).isRegularFile();
        assertThat(Files.readAllBytes(kept)).isEqualTo(result.getResponse().getContentAsByteArray());
    }

    @Test
    void refusesAnAnonymousBackupAndWritesNothing() throws Exception {
        List<String> before = backupsOnDisk();

        MvcTestResult result = mvc.post().uri("/admin/backup").with(csrf()).exchange();

        assertThat(result.getResponse().getStatus()).isIn(302, 401, 403);
        if (result.getResponse().getStatus() == 302) {
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/admin/login");
        }
        assertThat(result.getResponse().getContentType()).isNotEqualTo("application/zip");
        assertThat(backupsOnDisk()).isEqualTo(before);
    }

    @Test
    void refusesABackupByTheAuthorWithoutACsrfToken() throws Exception {
        MvcTestResult result = mvc.post().uri("/admin/backup").cookie(login()).exchange();

        assertThat(result).hasStatus(403);
    }

    private List<String> backupsOnDisk() throws IOException {
        Path backups = dataDir.resolve("backups");
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(backups)) {
            return files.map(p -> p.getFileName() + ":" + p.toFile().lastModified() + ":"
                            + p.toFile().length())
                    .sorted()
                    .toList();
        }
    }

    private static List<String> unzip(byte[] zip, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into))
                        .as("zip entry %s inside the folder", entry.getName())
                        .isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static Map<Long, StoredComment> commentsIn(Path database, Collection<Long> ids) throws SQLException {
        Map<Long, StoredComment> found = new LinkedHashMap<>();
        try (Connection connection = open(database);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT body, status FROM comment WHERE id = ?")) {
            for (long id : ids) {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        found.put(id, new StoredComment(rows.getString("body"), rows.getString("status")));
                    }
                }
            }
        }
        return found;
    }

    private static long countIn(Path database) throws SQLException {
        try (Connection connection = open(database);
                ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM comment")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The restored file, opened as the site would, but never created if the unzip put it elsewhere. */
    private static Connection open(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + database + ";IFEXISTS=TRUE", "sa", "");
    }
}
