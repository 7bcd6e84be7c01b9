import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes a content folder for benchmarks: the real content plus N generated posts of realistic
 * size (600-2,000 words, headings, a footnote, 2-5 tags out of 40), and comments on some posts
 * (a few hundred on a few). Deterministic for a given N.
 *
 *   java scripts/GenerateContent.java OUT_DIR N [COMMENTS_ON_SEED]
 */
public class GenerateContent {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int seedComments = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Random random = new Random(42);
        Path posts = Files.createDirectories(out.resolve("posts/generated"));
        Path comments = Files.createDirectories(out.resolve("comments"));
        String[] words = Files.readString(Path.of("content/posts/rls-and-liver-diseases.md"), StandardCharsets.UTF_8)
                .replaceAll("(?s)^---.*?---", "")
                .replaceAll("[^\\p{L}\\p{N}’' ]+", " ")
                .trim()
                .split("\\s+");
        LocalDate start = LocalDate.of(2015, 1, 1);
        for (int i = 1; i <= count; i++) {
            StringBuilder text = new StringBuilder();
            text.append("---\ntitle: \"Generated article ").append(i).append("\"\n");
            text.append("date: ").append(start.plusDays(i % 3650)).append("T08:").append(String.format("%02d", i % 60))
                    .append(":00+01:00\n");
            text.append("tags: [");
            int tags = 2 + random.nextInt(4);
            for (int t = 0; t < tags; t++) {
                text.append(t > 0 ? ", " : "").append("topic-").append(random.nextInt(40));
            }
            text.append("]\n---\n\n");
            int length = 600 + random.nextInt(1400);
            for (int w = 0; w < length; w++) {
                if (w % 400 == 0 && w > 0) {
                    text.append("\n\n## Section ").append(w / 400).append("\n\n");
                } else if (w % 80 == 0 && w > 0) {
                    text.append(".\n\n");
                }
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            text.append("[^1]\n\n[^1]: A reference, https://example.org/study/").append(i).append("\n");
            Files.writeString(posts.resolve("generated-" + i + ".md"), text.toString(), StandardCharsets.UTF_8);
        }
        List<String> yaml = new ArrayList<>();
        for (int i = 1; i <= count; i += Math.max(1, count / 20)) {
            int n = i == 1 ? 300 : 5 + random.nextInt(20);
            for (int c = 0; c < n; c++) {
                yaml.add(comment("gen:" + i + ":" + c, "generated-article-" + i, c));
            }
        }
        for (int c = 0; c < seedComments; c++) {
            yaml.add(comment("gen:seed:" + c, "rls-and-liver-diseases", c));
        }
        Files.writeString(comments.resolve("generated.yml"), String.join("", yaml), StandardCharsets.UTF_8);
    }

    private static String comment(String key, String post, int c) {
        return "- key: " + key + "\n  post: " + post + "\n  author: Reader " + c + "\n  email: reader" + c
                + "@example.org\n  date: 2024-01-01T10:00:00Z\n  status: approved\n  text: \"Comment number " + c
                + " with a few sentences of text, as readers write them. Thank you for the article.\"\n";
    }
}
