package org.rlsblog.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rlsblog.content.ImageFacts;

/** A restart finds unchanged images in the index kept in the data folder: it neither reads nor hashes them. */
class ImageIndexTests {

    @RegisterExtension
    final ImageFolders folders = new ImageFolders();

    @Test
    void aRestartWithUnchangedImagesExaminesNoneAndFindsTheirVariants() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(folders.write("photo-" + i + ".jpg", TestImages.jpeg(TestImages.photo(600, 400, i), 0.9f)));
        }
        ImageCatalog first = folders.catalogWithIndex();
        List<ImageFacts> before = new ArrayList<>();
        for (Path file : files) {
            before.add(first.describe(file, "/media/" + file.getFileName()));
        }
        assertThat(first.examinations()).isEqualTo(3);
        for (ImageFacts facts : before) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> folders.store().isComplete(facts.src().split("/")[2]));
        }
        first.close();
        assertThat(folders.indexFile()).exists();

        // the same size and time, other bytes: only a catalog that does not read the file keeps the old hash
        Path file = files.get(0);
        FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);

        ImageCatalog restarted = folders.catalogWithIndex();
        List<ImageFacts> after = new ArrayList<>();
        for (Path each : files) {
            after.add(restarted.describe(each, "/media/" + each.getFileName()));
        }

        assertThat(restarted.examinations()).as("nothing read or hashed").isZero();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aChangedFileIsExaminedAgain() throws Exception {
        Path file = folders.write("plate.jpg", TestImages.jpeg(TestImages.photo(600, 400, 1), 0.9f));
        ImageCatalog first = folders.catalogWithIndex();
        ImageFacts before = first.describe(file, "/media/plate.jpg");
        first.close();

        Files.write(file, TestImages.jpeg(TestImages.photo(700, 400, 2), 0.9f));
        Files.setLastModifiedTime(
                file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        ImageCatalog restarted = folders.catalogWithIndex();
        ImageFacts after = restarted.describe(file, "/media/plate.jpg");

        assertThat(restarted.examinations()).isEqualTo(1);
        assertThat(after.width()).isEqualTo(700);
        assertThat(after.src()).isNotEqualTo(before.src());
    }

    @Test
    void aDamagedIndexOnlyMeansTheImagesAreExaminedAgain() throws Exception {
        Path file = folders.write("plate.jpg", TestImages.jpeg(TestImages.photo(600, 400, 1), 0.9f));
        ImageCatalog first = folders.catalogWithIndex();
        ImageFacts before = first.describe(file, "/media/plate.jpg");
        first.close();
        Path index = folders.indexFile();
        String text = Files.readString(index);
        Files.writeString(index, text.replaceAll("\t[0-9a-f]{32}\t", "\tnot-a-hash\t"));

        ImageCatalog restarted = folders.catalogWithIndex();

        assertThat(restarted.describe(file, "/media/plate.jpg")).isEqualTo(before);
        assertThat(restarted.examinations()).isEqualTo(1);
    }
}
