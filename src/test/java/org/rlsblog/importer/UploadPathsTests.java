package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths from an export never leave the folders they are meant for; options take their value both ways. */
class UploadPathsTests {

    @Test
    void takesThePathBelowTheUploadsFolder() {
        assertThat(UploadPaths.fromUrl("https://old.example/wp-content/uploads/2023/03/calf-muscle-300x225.jpg"))
                .isEqualTo("2023/03/calf-muscle-300x225.jpg");
        assertThat(UploadPaths.fromUrl("/wp-content/uploads/2023/03/caf%C3%A9%20au%20lait.jpg"))
                .isEqualTo("2023/03/café au lait.jpg");
        assertThat(UploadPaths.fromUrl("https://old.example/2023/03/photo.jpg")).isNull();
    }

    @Test
    void refusesPathsThatCouldLeaveTheFolder() {
        for (String bad : List.of(
                "../etc/passwd",
                "2023/../../secret.jpg",
                "/etc/passwd",
                "2023/./x.jpg",
                "C:\\Windows\\win.ini",
                "2023//x.jpg",
                "2023/x.jpg\u0000.png",
                "")) {
            assertThat(UploadPaths.check(bad)).as(bad).isNull();
        }
        assertThat(UploadPaths.fromUrl("https://old.example/wp-content/uploads/..%2F..%2Fetc/passwd"))
                .isNull();
        assertThat(UploadPaths.fromUrl("https://old.example/wp-content/uploads/%2e%2e/%2e%2e/etc/passwd"))
                .isNull();
    }

    @Test
    void anUploadsFolderDoesNotFollowALinkOutOfIt(@TempDir Path dir) throws IOException {
        Path uploads = Files.createDirectories(dir.resolve("uploads/2023"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not for the site");
        Files.createSymbolicLink(uploads.resolve("link.jpg"), secret);
        Files.writeString(uploads.resolve("real.jpg"), "an image");
        UploadsFolder folder = new UploadsFolder(dir.resolve("uploads"));

        assertThat(folder.exists("2023/real.jpg")).isTrue();
        assertThat(folder.exists("2023/link.jpg")).isFalse();
        assertThat(folder.copy("2023/link.jpg", dir.resolve("out.jpg"))).isFalse();
        assertThat(dir.resolve("out.jpg")).doesNotExist();
    }

    @Test
    void mapsWordPressResizedCopiesToTheirOriginal() {
        assertThat(WordPressAttachments.unsized("2023/03/photo-300x200.jpg")).isEqualTo("2023/03/photo.jpg");
        assertThat(WordPressAttachments.unsized("2023/03/photo-1536x1152.jpeg")).isEqualTo("2023/03/photo.jpeg");
        assertThat(WordPressAttachments.unsized("2023/03/photo.jpg")).isNull();
        assertThat(new WordPressAttachments().original("2023/03/photo-300x200.jpg"))
                .isEqualTo("2023/03/photo.jpg");
    }

    @Test
    void readsOptionValuesAfterASpaceOrAnEqualsSign() {
        Map<String, String> values = new HashMap<>();
        List<String> exports = new ArrayList<>();
        assertThat(ImportWordPressCommand.read(
                        new String[] {
                            "import-wordpress",
                            "--uploads",
                            "/backup/uploads",
                            "export.xml",
                            "--media-base-url=https://old.example",
                            "--blog.content-dir=x"
                        },
                        values,
                        exports))
                .isTrue();
        assertThat(values)
                .containsEntry("uploads", "/backup/uploads")
                .containsEntry("media-base-url", "https://old.example");
        assertThat(exports).containsExactly("export.xml");

        values.clear();
        exports.clear();
        assertThat(ImportWordPressCommand.read(
                        new String[] {"import-wordpress", "export.xml", "--uploads="}, values, exports))
                .isFalse();
        assertThat(ImportWordPressCommand.read(
                        new String[] {"import-wordpress", "export.xml", "--uploads"}, values, exports))
                .isFalse();
    }
}
