package org.rlsblog.images;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes variants in the background, on a few low-priority threads (the cores less one), each
 * image once: one that is queued or kept already is not queued again. Each thread hands its image
 * to a {@link VariantRunner} (a worker process by default). Nothing waits for it; until an image's
 * variants exist, their addresses serve the original.
 */
final class ImageProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImageProcessor.class);

    /** Longer than a worker takes to stop, killed if need be. */
    private static final long STOP_WAIT_SECONDS = 15;

    private final ImageStore store;
    private final VariantRunner runner;
    private final ThreadPoolExecutor executor;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicLong busySince = new AtomicLong();

    /** Makes the variants in this JVM. */
    ImageProcessor(ImageStore store, VariantMaker maker, int threads) {
        this(store, VariantRunner.inProcess(maker, store), threads);
    }

    ImageProcessor(ImageStore store, VariantRunner runner, int threads) {
        this.store = store;
        this.runner = runner;
        AtomicInteger count = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "image-variants-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    // the thread that first submits may be a pool thread without the application's
                    // class loader, which ImageIO would then search for its plug-ins
                    thread.setContextClassLoader(ImageProcessor.class.getClassLoader());
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Queues the variants of an image unless they exist, are queued, or failed before. */
    void submit(String hash, Path file, ImageHeader header) {
        if (failed.containsKey(hash) || store.isComplete(hash) || !queued.add(hash)) {
            return;
        }
        busySince.compareAndSet(0, System.nanoTime());
        executor.execute(() -> {
            try {
                process(hash, file, header);
            } finally {
                queued.remove(hash);
                if (queued.isEmpty() && executor.getQueue().isEmpty()) {
                    runner.idle();
                    long since = busySince.getAndSet(0);
                    if (since != 0) {
                        log.info(
                                "Image variants: all made ({} images so far, this run took {} s)",
                                made.get(),
                                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since));
                    }
                }
            }
        });
    }

    /** Why the variants of this image could not be made, or null. */
    @Nullable
    String failure(String hash) {
        return failed.get(hash);
    }

    /** Whether this image's variants are queued or being made. */
    boolean isPending(String hash) {
        return queued.contains(hash);
    }

    int made() {
        return made.get();
    }

    private void process(String hash, Path file, ImageHeader header) {
        try {
            if (runner.run(new VariantJob(hash, file, header)) == VariantJob.Outcome.MADE) {
                made.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            failed.put(hash, e.toString());
            log.warn("Image {}: no variants could be made ({}); the original is served", file, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the site is stopping: the image gets its turn at the next start
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            // a processing thread may be stopping its worker right now: let it finish, or the
            // worker could outlive the site for a moment
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runner.close();
    }
}
