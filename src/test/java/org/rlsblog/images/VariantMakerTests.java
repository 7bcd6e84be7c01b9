package org.rlsblog.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantMakerTests {

    @TempDir
    Path dir;

    @Test
    void aJpegFarWiderThanTheWidestVariantIsDecodedSubsampledByTwelveMonkeysReader() throws Exception {
        Path file = Files.write(dir.resolve("wide.jpg"), TestImages.jpeg(TestImages.photo(6400, 120, 1), 0.9f));
        ImageHeader header = ImageHeaders.read(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageHeaders.reader(in);
            assertThat(reader.getClass().getName()).startsWith("com.twelvemonkeys.");
            reader.dispose();
        }

        BufferedImage decoded = VariantMaker.decode(file, header, 1600);

        assertThat(decoded.getWidth())
                .as("every second pixel: still twice the widest variant")
                .isEqualTo(3200);
        assertThat(decoded.getHeight()).isEqualTo(60);
    }

    @Test
    void resizingByHalvesReachesEachWidthExactly() {
        BufferedImage image = VariantMaker.resize(TestImages.halves(4000, 3000), 1600);
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(1200);
        BufferedImage smaller = VariantMaker.resize(image, 480);
        assertThat(smaller.getWidth()).isEqualTo(480);
        assertThat(smaller.getHeight()).isEqualTo(360);
        assertThat(smaller.getRGB(100, 180) & 0xFF0000).as("red stays left").isEqualTo(0xFF0000);
        assertThat(smaller.getRGB(380, 180) & 0xFF).as("blue stays right").isEqualTo(0xFF);
    }
}
