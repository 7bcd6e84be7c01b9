package org.rlsblog.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rlsblog.content.ImageFacts;

class ImageCatalogTests {

    @RegisterExtension
    final ImageFolders folders = new ImageFolders();

    private static String hashOf(ImageFacts facts) {
        return facts.src().split("/")[2];
    }

    private void awaitVariants(String hash) {
        await().atMost(Duration.ofSeconds(60)).until(() -> folders.store().isComplete(hash));
    }

    @Test
    void makesVariantsAtEachWidthInWebpAndJpegWithoutAnyMetadata() throws Exception {
        byte[] photo = TestImages.withExif(TestImages.jpeg(TestImages.photo(2000, 1500, 1), 0.9f), 1, true);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(TestImages.SERIAL);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            JPEGSegment exif =
                    JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif").get(0);
            byte[] data = exif.data().readAllBytes();
            Directory tiff = new TIFFReader()
                    .read(ImageIO.createImageInputStream(new ByteArrayInputStream(data, 1, data.length - 1)));
            assertThat(tiff.getEntryById(TIFF.TAG_GPS_IFD))
                    .as("the original carries a GPS position")
                    .isNotNull();
        }
        Path file = folders.write("gps.jpg", photo);

        ImageFacts facts = folders.catalog().describe(file, "/media/gps.jpg");

        assertThat(facts.problem()).isNull();
        assertThat(facts.width()).isEqualTo(2000);
        assertThat(facts.height()).isEqualTo(1500);
        assertThat(facts.srcset()).contains("480w", "800w", "1200w", "1600w").doesNotContain("2000w");
        assertThat(facts.webpSrcset()).contains(".webp 1600w");
        String hash = hashOf(facts);
        awaitVariants(hash);
        for (int width : List.of(480, 800, 1200, 1600)) {
            for (String extension : List.of("jpg", "webp")) {
                Path variant =
                        folders.store().variant(hash, width + "." + extension).orElseThrow();
                byte[] bytes = Files.readAllBytes(variant);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                assertThat(image.getWidth()).as(variant.toString()).isEqualTo(width);
                assertThat(image.getHeight()).isEqualTo(width * 3 / 4);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                assertThat(text)
                        .as("no EXIF, GPS or serial in " + variant)
                        .doesNotContain(TestImages.SERIAL)
                        .doesNotContain("Exif")
                        .doesNotContain("TestCam")
                        .doesNotContain("http://ns.adobe.com/xap");
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(
                folders.store().variant(hash, "800.jpg").orElseThrow().toFile())) {
            assertThat(JPEGSegmentUtil.readSegments(in, JPEG.APP1, "*"))
                    .as("no APP1 segment")
                    .isEmpty();
        }
    }

    @Test
    void turnsAnImageUprightByItsExifOrientationInSizeAndPixels() throws Exception {
        // stored 1200 × 800, left half red; orientation 6 says: turn a quarter clockwise to show
        Path file = folders.write(
                "turned.jpg", TestImages.withExif(TestImages.jpeg(TestImages.halves(1200, 800), 0.9f), 6, false));

        ImageFacts facts = folders.catalog().describe(file, "/media/turned.jpg");

        assertThat(facts.width()).isEqualTo(800);
        assertThat(facts.height()).isEqualTo(1200);
        awaitVariants(hashOf(facts));
        BufferedImage upright = ImageIO.read(
                folders.store().variant(hashOf(facts), "800.jpg").orElseThrow().toFile());
        assertThat(upright.getWidth()).isEqualTo(800);
        assertThat(upright.getHeight()).isEqualTo(1200);
        assertThat(new Color(upright.getRGB(400, 200)).getRed())
                .as("red on top")
                .isGreaterThan(200);
        assertThat(new Color(upright.getRGB(400, 1000)).getBlue())
                .as("blue below")
                .isGreaterThan(200);
    }

    @Test
    void neverMakesAVariantWiderThanTheImage() throws Exception {
        Path file = folders.write("small.png", TestImages.png(TestImages.halves(600, 400)));

        ImageFacts facts = folders.catalog().describe(file, "/media/small.png");

        assertThat(facts.srcset())
                .endsWith("/600.png 600w")
                .contains("480.png 480w")
                .doesNotContain("800w");
        awaitVariants(hashOf(facts));
        BufferedImage widest = ImageIO.read(
                folders.store().variant(hashOf(facts), "600.png").orElseThrow().toFile());
        assertThat(widest.getWidth()).isEqualTo(600);
        assertThat(folders.store().variant(hashOf(facts), "800.png")).isEmpty();
    }

    @Test
    void aRestartFindsTheVariantsMadeBeforeAndMakesNothing() throws Exception {
        Path file = folders.write("again.jpg", TestImages.jpeg(TestImages.photo(900, 600, 2), 0.9f));
        ImageFacts first = folders.catalog().describe(file, "/media/again.jpg");
        awaitVariants(hashOf(first));
        folders.processor().close();

        ImageCatalog restarted = folders.catalog();
        ImageFacts second = restarted.describe(file, "/media/again.jpg");

        assertThat(second).isEqualTo(first);
        assertThat(folders.processor().isPending(hashOf(second))).isFalse();
        assertThat(folders.processor().made()).isZero();
    }

    @Test
    void refusesADecompressionBombFromItsHeaderWithoutDecodingIt() throws Exception {
        byte[] bomb = TestImages.pngBomb(50_000);
        assertThat(bomb.length).as("a few hundred KB").isLessThan(1_000_000);
        Path file = folders.write("bomb.png", bomb);
        long before = usedHeap();

        ImageFacts facts = folders.catalog().describe(file, "/media/bomb.png");

        assertThat(facts.problem()).contains("50000 × 50000 pixels", "blog.images.max-pixels");
        assertThat(usedHeap() - before).as("nothing decoded").isLessThan(200L * 1024 * 1024);
        assertThat(folders.processor().made()).isZero();
    }

    @Test
    void refusesAFileLargerThanTheLimitUnread() throws Exception {
        Path file = folders.write("huge.jpg", TestImages.jpeg(TestImages.photo(64, 48, 3), 0.9f));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(40L * 1024 * 1024); // a 40 MB photo
        }

        ImageFacts facts = folders.catalog().describe(file, "/media/huge.jpg");

        assertThat(facts.problem()).contains("41 MB", "blog.images.max-file-size");
    }

    @Test
    void refusesACorruptFileAndOneWhoseContentIsNotWhatItsNameSays() throws Exception {
        byte[] noise = new byte[4096];
        new Random(4).nextBytes(noise);
        Path corrupt = folders.write("corrupt.jpg", noise);
        Path named = folders.write("named.jpg", TestImages.png(TestImages.halves(40, 40)));
        Path truncated = folders.write("truncated.png", Arrays.copyOf(TestImages.png(TestImages.halves(40, 40)), 20));

        ImageCatalog catalog = folders.catalog();

        assertThat(catalog.describe(corrupt, "/media/corrupt.jpg").problem()).contains("not a readable image");
        assertThat(catalog.describe(named, "/media/named.jpg").problem())
                .isEqualTo("it is a PNG image, but its name says JPEG");
        assertThat(catalog.describe(truncated, "/media/truncated.png").problem())
                .contains("not a readable image");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
