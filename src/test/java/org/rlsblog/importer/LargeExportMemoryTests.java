package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.RlsBlogApplication;

/**
 * A large export (about 200 MB, 5,000 uploaded files) imports in a separate JVM whose heap is far
 * smaller than the export: items are read one at a time and files are streamed, never held.
 */
class LargeExportMemoryTests {

    static final int POSTS = 2_000;
    static final int FILES = 5_000;
    /** Text per post, so that the export is about 200 MB. */
    static final int POST_BYTES = 100_000;

    static final String HEAP = "-Xmx160m";
    static final Duration LIMIT = Duration.ofMinutes(12);

    @Test
    void importsA200MegabyteExportWith5000FilesInASmallHeap(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export.xml");
        Path uploads = dir.resolve("uploads");
        write(export, uploads);
        long exportBytes = Files.size(export);
        assertThat(exportBytes).isGreaterThan(190L * 1024 * 1024);

        Path log = dir.resolve("import.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RlsBlogApplication.class.getName(),
                        "import-wordpress",
                        export.toString(),
                        "--uploads",
                        uploads.toString(),
                        "--blog.content-dir=" + dir.resolve("content"),
                        "--blog.data-dir=" + dir.resolve("data"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        String output = Files.readString(log);
        System.out.printf(
                "Large export: %d MB, %d posts, %d files, heap %s: %d s, exit %s%n",
                exportBytes / (1024 * 1024), POSTS, FILES, HEAP, seconds, finished ? process.exitValue() : "timeout");

        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Posts: " + POSTS).contains("Files: " + FILES + " copied");
        try (Stream<Path> media = Files.walk(dir.resolve("content/media"))) {
            assertThat(media.filter(Files::isRegularFile).count()).isEqualTo(FILES);
        }
    }

    /** Posts of plain paragraphs, each using a few of the files (as resized copies, so the originals are looked up). */
    static void write(Path export, Path uploads) throws IOException {
        Files.createDirectories(uploads.resolve("2023/03"));
        byte[] image = new byte[2048];
        for (int i = 0; i < FILES; i++) {
            image[0] = (byte) i;
            Files.write(uploads.resolve("2023/03/photo-" + i + ".jpg"), image);
        }
        String paragraph = "A sample paragraph of test text about sleep, legs and iron, written for a large export. ";
        try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel><title>Large</title><link>https://large.example</link>
                    <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://large.example</wp:base_site_url>
                    """);
            for (int i = 0; i < FILES; i++) {
                long id = 100_000L + i;
                out.write("<item><title>photo-" + i + "</title><link>https://large.example/?attachment_id=" + id
                        + "</link><wp:post_id>" + id + "</wp:post_id><wp:post_date>2023-03-01 10:00:00</wp:post_date>"
                        + "<wp:post_name>photo-" + i + "</wp:post_name><wp:status>inherit</wp:status>"
                        + "<wp:post_parent>" + (1 + i % POSTS) + "</wp:post_parent>"
                        + "<wp:post_type>attachment</wp:post_type><wp:attachment_url>https://large.example/wp-content"
                        + "/uploads/2023/03/photo-" + i + ".jpg</wp:attachment_url><wp:postmeta><wp:meta_key>"
                        + "_wp_attached_file</wp:meta_key><wp:meta_value>2023/03/photo-" + i + ".jpg</wp:meta_value>"
                        + "</wp:postmeta></item>\n");
            }
            for (int post = 1; post <= POSTS; post++) {
                out.write("<item><title>Post " + post + "</title><link>https://large.example/?p=" + post + "</link>"
                        + "<dc:creator>a</dc:creator><content:encoded><![CDATA[");
                for (int f = post - 1; f < FILES; f += POSTS) {
                    out.write("<img src=\"https://large.example/wp-content/uploads/2023/03/photo-" + f
                            + "-300x200.jpg\" alt=\"\" class=\"wp-image-" + (100_000 + f) + "\" />\n\n");
                }
                for (int written = 0; written < POST_BYTES; written += paragraph.length() * 10 + 2) {
                    out.write(paragraph.repeat(10));
                    out.write("\n\n");
                }
                out.write("]]></content:encoded><wp:post_id>" + post + "</wp:post_id>"
                        + "<wp:post_date>2023-03-01 10:00:00</wp:post_date>"
                        + "<wp:post_date_gmt>2023-03-01 09:00:00</wp:post_date_gmt>"
                        + "<wp:post_name>post-" + post + "</wp:post_name><wp:status>publish</wp:status>"
                        + "<wp:post_type>post</wp:post_type></item>\n");
            }
            out.write("</channel></rss>\n");
        }
    }
}
