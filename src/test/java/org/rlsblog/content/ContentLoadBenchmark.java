package org.rlsblog.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a whole content folder (parse, front matter, flexmark, snapshot), as at start-up (its
 * target is in docs/benchmarks.md). {@code loadEverything} is a first start, which leaves the
 * rendering to when a post is first asked for; {@code loadAndRenderEverything} then renders every
 * post too (what the search index build does after a first start). Run with {@code scripts/jmh.sh
 * ContentLoad}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx512m"})
public class ContentLoadBenchmark {

    @Param({"10000"})
    int posts;

    Path dir;

    @Setup(Level.Trial)
    public void writePosts() throws IOException {
        dir = Files.createTempDirectory("content-bench");
        Path postsDir = Files.createDirectories(dir.resolve("posts"));
        Random random = new Random(7);
        String[] words =
                "liver blood iron ferritin legs restless sleep dopamine rest calf muscle tendons energy".split(" ");
        for (int i = 0; i < posts; i++) {
            StringBuilder text = new StringBuilder("---\ntitle: Post " + i + "\ndate: 2020-01-01\ntags: [t"
                    + random.nextInt(40) + ", t" + random.nextInt(40) + "]\n---\n\n");
            int length = 600 + random.nextInt(1400);
            for (int w = 0; w < length; w++) {
                text.append(w % 400 == 0 ? "\n\n## Part " + w + "\n\n" : w % 80 == 0 ? ".\n\n" : "")
                        .append(words[random.nextInt(words.length)])
                        .append(' ');
            }
            Files.writeString(postsDir.resolve("post-" + i + ".md"), text);
        }
    }

    /** A first start: posts read, bodies left to be rendered when first asked for. */
    @Benchmark
    public ContentSnapshot loadEverything() throws IOException {
        return loader().load();
    }

    /** A first start, and then every post rendered (as the search index build does). */
    @Benchmark
    public ContentSnapshot loadAndRenderEverything() throws IOException {
        return renderAll(loader().load());
    }

    private static ContentSnapshot renderAll(ContentSnapshot snapshot) {
        snapshot.posts().forEach(post -> post.body().get());
        return snapshot;
    }

    private ContentLoader loader() {
        ContentProperties properties = ContentFixtures.properties(dir, dir.resolve("data"));
        return new ContentLoader(
                ContentFixtures.reader(properties, new MarkdownRenderer()), properties, Clock.systemUTC());
    }
}
