package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.RlsBlogApplication;

/** The command as a user runs it: its own application, no web server, an exit status. */
class ImportWordPressCommandTests {

    @TempDir
    Path site;

    @Test
    void importsTheExportAndExitsWithZero() {
        int status = ImportCommandLine.run(
                RlsBlogApplication.class,
                "import-wordpress",
                WxrReaderTests.FIXTURE.toString(),
                "--dry-run",
                folder("content"),
                data());
        assertThat(status).isZero();
        assertThat(site.resolve("content/posts")).doesNotExist();
        assertThat(site.resolve("data"))
                .as("no store, no cache: a dry run writes nothing")
                .doesNotExist();

        status = ImportCommandLine.run(
                RlsBlogApplication.class,
                "import-wordpress",
                WxrReaderTests.FIXTURE.toString(),
                folder("content"),
                data());
        assertThat(status).isZero();
        assertThat(site.resolve("content/posts/acupuncture-and-restless-legs.md"))
                .exists();
    }

    @Test
    void exitsWithOneAndWritesNothingForAFileThatIsNotAnExport() throws Exception {
        Path notWxr = site.resolve("page.html");
        Files.writeString(notWxr, "<html><body>hello</body></html>");

        int status = ImportCommandLine.run(
                RlsBlogApplication.class, "import-wordpress", notWxr.toString(), folder("content"), data());

        assertThat(status).isEqualTo(1);
        assertThat(site.resolve("content/posts")).doesNotExist();
    }

    @Test
    void exitsWithTwoWhenTheFileIsMissingFromTheCommand() {
        assertThat(ImportCommandLine.run(RlsBlogApplication.class, "import-wordpress", folder("content"), data()))
                .isEqualTo(2);
    }

    private String folder(String name) {
        return "--blog.content-dir=" + site.resolve(name);
    }

    private String data() {
        return "--blog.data-dir=" + site.resolve("data").toAbsolutePath();
    }
}
