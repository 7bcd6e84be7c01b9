package org.rlsblog.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void aPhotoInAnotherColourSpaceIsTurnedIntoSrgbBeforeItsProfileIsDropped() throws Exception {
        // as a phone's Display P3 photo: the same numbers mean other colours; linear RGB differs most
        BufferedImage grey = new BufferedImage(960, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 960, 640);
        g.dispose();
        Path file = Files.write(
                dir.resolve("linear.jpg"),
                TestImages.withIccProfile(
                        TestImages.jpeg(grey, 0.95f), ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)));

        Map<String, byte[]> variants = new VariantMaker(List.of(480, 800)).make(file, ImageHeaders.read(file));

        for (String name : List.of("480.jpg", "480.webp")) {
            BufferedImage variant = ImageIO.read(new ByteArrayInputStream(variants.get(name)));
            int green = (variant.getRGB(240, 160) >> 8) & 0xFF;
            assertThat(green).as("%s: linear 0.5 is sRGB 188", name).isBetween(180, 196);
        }
    }
}
