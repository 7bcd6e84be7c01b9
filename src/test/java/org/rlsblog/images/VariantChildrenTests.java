package org.rlsblog.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rlsblog.content.ContentProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Variants made in worker processes: made there, a worker that dies or hangs, none left behind. */
class VariantChildrenTests {

    @RegisterExtension
    final ImageFolders folders = new ImageFolders();

    private final List<Integer> widths = ImagesProperties.defaults().widths();

    @AfterEach
    void noWorkerOutlivesATest() {
        assertThat(workers()).isEmpty();
    }

    @Test
    void aWorkerProcessMakesTheVariantsAndStopsWhenThereIsNoMoreWork() throws Exception {
        VariantJob job = job("plate.jpg", TestImages.jpeg(TestImages.photo(1000, 750, 1), 0.9f));
        try (VariantChildren children = children(ImagesProperties.Worker.defaults())) {
            assertThat(children.run(job)).isEqualTo(VariantJob.Outcome.MADE);

            assertThat(folders.store().variant(job.hash(), "800.webp")).isPresent();
            assertThat(folders.store().variant(job.hash(), "1000.jpg")).isPresent();
            assertThat(workers()).as("one worker, waiting for the next image").hasSize(1);
            children.idle();
            assertThat(workers()).isEmpty();
        }
    }

    @Test
    void anImageAWorkerDiesOnIsAProblemAndTheNextImageIsStillMade() throws Exception {
        // a heap too small for a 12-megapixel photo: the worker runs out of memory and exits
        ImagesProperties.Worker small =
                new ImagesProperties.Worker(true, DataSize.ofMegabytes(16), 10, Duration.ofMinutes(2));
        VariantJob large = job("large.jpg", TestImages.jpeg(TestImages.photo(4000, 3000, 2), 0.9f));
        VariantJob next = job("next.jpg", TestImages.jpeg(TestImages.photo(600, 400, 3), 0.9f));
        try (ImageProcessor processor = new ImageProcessor(folders.store(), children(small), 1)) {
            processor.submit(large.hash(), large.file(), large.header());
            processor.submit(next.hash(), next.file(), next.header());

            await().atMost(Duration.ofMinutes(2)).until(() -> processor.made() == 1);
            assertThat(processor.failure(large.hash())).contains("the worker process ended");
            assertThat(folders.store().isComplete(large.hash())).isFalse();
            assertThat(folders.store().variant(next.hash(), "600.webp")).isPresent();
        }
    }

    @Test
    void aWorkerThatTakesTooLongIsStoppedAndItsImageIsAProblem() throws Exception {
        ImagesProperties.Worker impatient =
                new ImagesProperties.Worker(true, DataSize.ofMegabytes(64), 10, Duration.ofMillis(50));
        VariantJob job = job("slow.jpg", TestImages.jpeg(TestImages.photo(4000, 3000, 4), 0.9f));
        try (ImageProcessor processor = new ImageProcessor(folders.store(), children(impatient), 1)) {
            processor.submit(job.hash(), job.file(), job.header());

            await().atMost(Duration.ofMinutes(1)).until(() -> processor.failure(job.hash()) != null);
            assertThat(processor.failure(job.hash())).contains("took longer than");
            assertThat(workers()).isEmpty();
        }
    }

    @Test
    void noWorkerIsLeftWhenTheSiteStopsWhileOneIsBusy() throws Exception {
        Path file = folders.write("busy.jpg", TestImages.jpeg(TestImages.photo(4000, 3000, 5), 0.9f));
        Path data = file.getParent().getParent().getParent().resolve("data");
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, ImagesConfiguration.class)
                .withPropertyValues("blog.content-dir=" + file.getParent().getParent(), "blog.data-dir=" + data)
                .run(context -> {
                    context.getBean(ImageCatalog.class).describe(file, "/media/busy.jpg");
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> !workers().isEmpty());
                });
        assertThat(workers()).isEmpty();
    }

    @Test
    void aJobCrossesToTheWorkerAsOneLineWhateverTheFileIsCalled() {
        Path file = Path.of("/tmp/a\tb\nc d é.jpg");
        VariantJob job = new VariantJob("0123456789abcdef0123456789abcdef", file, new ImageHeader("jpeg", 40, 30, 6));

        assertThat(job.line()).doesNotContain("\n").doesNotContain("\r");
        assertThat(VariantJob.parse(job.line())).isEqualTo(job);
    }

    private VariantChildren children(ImagesProperties.Worker worker) {
        return new VariantChildren(VariantChildren.command(folders.store().root(), widths, worker), worker.timeout());
    }

    private VariantJob job(String name, byte[] bytes) throws Exception {
        Path file = folders.write(name, bytes);
        String hash = DigestUtils.sha256Hex(Files.readAllBytes(file)).substring(0, 32);
        return new VariantJob(hash, file, ImageHeaders.read(file));
    }

    /** The worker processes this JVM started, still running. */
    private static List<ProcessHandle> workers() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> commandLine(process).contains(VariantWorker.class.getName()))
                .toList();
    }

    /** Read from /proc: ProcessHandle's command line leaves out one as long as a test class path. */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(
                    Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // it has ended
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ContentProperties.class, ImagesProperties.class})
    static class Properties {}
}
