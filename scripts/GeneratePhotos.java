import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes JPEG photos as a phone takes them, for scripts/lighthouse.sh: 4000 x 3000 (12 megapixels),
 * quality 92, a sky, hills and a foreground in gradients with sensor-like noise, so that each file
 * weighs several megabytes as a real photo does (a flat image would compress to almost nothing).
 * Deterministic for a given count.
 *
 *   java scripts/GeneratePhotos.java OUT_DIR COUNT
 */
public class GeneratePhotos {

    static final int WIDTH = 4000;
    static final int HEIGHT = 3000;
    static final float QUALITY = 0.92f;
    static final int NOISE = 28;

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int n = 1; n <= count; n++) {
            Path file = out.resolve("photo-" + n + ".jpg");
            write(photo(n), file);
            System.out.println(file + " " + Files.size(file));
        }
    }

    static BufferedImage photo(int seed) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        long state = 0x9E3779B97F4A7C15L * seed;
        double hue = seed * 0.7;
        for (int y = 0; y < HEIGHT; y++) {
            double v = (double) y / HEIGHT;
            for (int x = 0; x < WIDTH; x++) {
                double u = (double) x / WIDTH;
                double ridge = 0.45 + 0.08 * Math.sin(u * 7 + hue) + 0.04 * Math.sin(u * 23 + hue * 3);
                double near = 0.75 + 0.05 * Math.sin(u * 13 + hue * 2);
                int r;
                int g;
                int b;
                if (v < ridge) { // sky: blue to pale towards the horizon, a warm glow on one side
                    double t = v / ridge;
                    r = (int) (70 + 150 * t + 40 * (1 - u));
                    g = (int) (120 + 100 * t);
                    b = (int) (200 + 40 * t);
                } else if (v < near) { // far hills: green-grey, with light and shade
                    double shade = 0.7 + 0.3 * Math.sin(u * 40 + v * 25 + hue);
                    r = (int) (60 * shade + 30);
                    g = (int) (110 * shade + 40);
                    b = (int) (70 * shade + 30);
                } else { // foreground: earth and grass, with texture
                    double texture = 0.6 + 0.4 * Math.sin(u * 180 + Math.sin(v * 90) * 3);
                    r = (int) (120 * texture + 40);
                    g = (int) (100 * texture + 50);
                    b = (int) (50 * texture + 20);
                }
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int noise = (int) ((state & 0xFF) * NOISE / 255) - NOISE / 2;
                pixels[y * WIDTH + x] = clamp(r + noise) << 16 | clamp(g + noise) << 8 | clamp(b + noise);
            }
        }
        return image;
    }

    static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    static void write(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        try (OutputStream out = Files.newOutputStream(file);
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
