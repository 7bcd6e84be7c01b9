package org.rlsblog.moderation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rlsblog.comments.StoreBackup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /admin/backup}: writes a consistent copy of the store into
 * {@code <data-dir>/backups/} while the site runs, and hands it to the author as a download.
 */
@Controller
class BackupController {

    private final StoreBackup backup;
    private final Path backups;

    BackupController(StoreBackup backup, @Value("${blog.data-dir}") Path dataDir) {
        this.backup = backup;
        this.backups = dataDir.resolve("backups");
    }

    @PostMapping("/admin/backup")
    ResponseEntity<FileSystemResource> downloadBackup() throws IOException {
        if (!backup.isSupported()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "this store is PostgreSQL: back it up with pg_dump");
        }
        Path file = backup.backupTo(backups);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(Files.size(file))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.getFileName().toString())
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }
}
