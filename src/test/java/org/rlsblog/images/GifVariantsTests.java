package org.rlsblog.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rlsblog.content.ImageFacts;

/** A still GIF gets WebP and PNG variants; an animated one keeps its animation, as the original only. */
class GifVariantsTests {

    @RegisterExtension
    final ImageFolders folders = new ImageFolders();

    @Test
    void aStillGifGetsWebpAndPngVariantsThatKeepItsColoursAndTransparency() throws Exception {
        Path file = folders.write("diagram.gif", TestImages.gif(TestImages.transparentHalves(1000, 600)));

        ImageFacts facts = folders.catalog().describe(file, "/media/diagram.gif");

        assertThat(facts.problem()).isNull();
        assertThat(facts.width()).isEqualTo(1000);
        assertThat(facts.height()).isEqualTo(600);
        assertThat(facts.srcset()).contains("/480.png 480w", "/800.png 800w", "/1000.png 1000w");
        assertThat(facts.webpSrcset()).contains("/480.webp 480w", "/1000.webp 1000w");
        String hash = facts.src().split("/")[2];
        await().atMost(Duration.ofSeconds(60)).until(() -> folders.store().isComplete(hash));
        for (String name : new String[] {"480.png", "800.png", "1000.png", "480.webp", "800.webp", "1000.webp"}) {
            BufferedImage variant = ImageIO.read(
                    folders.store().variant(hash, name).orElseThrow().toFile());
            int width = Integer.parseInt(name.substring(0, name.indexOf('.')));
            assertThat(variant.getWidth()).as(name).isEqualTo(width);
            assertThat(variant.getHeight()).as(name).isEqualTo(width * 3 / 5);
            assertThat(variant.getColorModel().hasAlpha())
                    .as(name + " keeps transparency")
                    .isTrue();
            Color top = new Color(variant.getRGB(width / 2, width * 3 / 5 / 4), true);
            Color left = new Color(variant.getRGB(width / 4, width * 3 / 5 * 3 / 4), true);
            Color right = new Color(variant.getRGB(width * 3 / 4, width * 3 / 5 * 3 / 4), true);
            assertThat(top.getAlpha()).as(name + ": the clear top").isLessThan(20);
            assertThat(left.getRed()).as(name + ": red bottom left").isGreaterThan(200);
            assertThat(left.getAlpha()).isGreaterThan(230);
            assertThat(right.getBlue()).as(name + ": blue bottom right").isGreaterThan(200);
        }
        assertThat(folders.store().variant(hash, "800.gif")).isEmpty();
    }

    @Test
    void anAnimatedGifKeepsItsAnimationAsTheOriginalWithItsSize() throws Exception {
        Path file = folders.write(
                "moving.gif", TestImages.gif(TestImages.halves(900, 300), TestImages.transparentHalves(900, 300)));
        Path still = folders.write("still.gif", TestImages.gif(TestImages.halves(900, 300)));

        ImageCatalog catalog = folders.catalog();
        ImageFacts facts = catalog.describe(file, "/media/moving.gif");

        assertThat(facts.problem()).isNull();
        assertThat(facts.width()).isEqualTo(900);
        assertThat(facts.height()).isEqualTo(300);
        assertThat(facts.src()).isEqualTo("/media/moving.gif");
        assertThat(facts.srcset()).isEmpty();
        assertThat(ImageHeaders.read(file).animated()).isTrue();
        assertThat(ImageHeaders.read(still).animated()).isFalse();
        String stillHash = catalog.describe(still, "/media/still.gif").src().split("/")[2];
        await().atMost(Duration.ofSeconds(60)).until(() -> folders.store().isComplete(stillHash));
        assertThat(folders.processor().made())
                .as("only the still GIF was processed")
                .isEqualTo(1);
    }
}
