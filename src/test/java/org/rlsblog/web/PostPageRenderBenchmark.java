package org.rlsblog.web;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rlsblog.RlsBlogApplication;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.ImportedComment;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Rendering the article page with its comments, without the page cache (what a cache miss
 * costs): the target is under 10 ms with 500 approved comments. Run with
 * {@code scripts/jmh.sh PostPageRender}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostPageRenderBenchmark {

    @Param({"0", "500"})
    int comments;

    ConfigurableApplicationContext context;
    MockMvc mvc;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path data = Files.createTempDirectory("render-bench-data");
        context = SpringApplication.run(
                RlsBlogApplication.class,
                "--server.port=0",
                "--blog.data-dir=" + data,
                "--blog.watch=false",
                "--blog.site.page-cache-size=0",
                "--logging.level.root=WARN");
        CommentService service = context.getBean(CommentService.class);
        List<ImportedComment> list = new ArrayList<>();
        for (int i = 0; i < comments; i++) {
            list.add(ImportedComment.builder()
                    .importKey("bench:" + i)
                    .postSlug("rls-and-liver-diseases")
                    .parentImportKey(i % 5 == 0 || i < 5 ? null : "bench:" + (i - i % 5))
                    .author(new Author(
                            "Reader " + i,
                            "reader" + i + "@example.org",
                            i % 3 == 0 ? "https://reader" + i + ".example" : null))
                    .body("A comment of a few sentences, as readers write them, with a link https://example.org/" + i
                            + " and some more words.\n\nA second paragraph.")
                    .status(CommentStatus.APPROVED)
                    .createdAt(Instant.parse("2024-01-01T10:00:00Z").plusSeconds(i))
                    .build());
        }
        service.importComments(list);
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(springSecurity())
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public int renderArticle() throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/posts/rls-and-liver-diseases"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray()
                .length;
    }
}
