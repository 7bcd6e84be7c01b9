package org.rlsblog.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
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
 * image once: one that is queued or kept already is not queued again. Nothing waits for it;
 * until an image's variants exist, their addresses serve the original.
 */
final class ImageProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImageProcessor.class);

    private final ImageStore store;
    private final VariantMaker maker;
    private final ThreadPoolExecutor executor;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicLong busySince = new AtomicLong();

    ImageProcessor(ImageStore store, VariantMaker maker, int threads) {
        this.store = store;
        this.maker = maker;
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
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            Map<String, byte[]> variants = maker.make(file, header);
            if (!unchanged(file, before.size(), before.lastModifiedTime())) {
                return; // changed while it was read: the new content has another hash and its own turn
            }
            store.save(hash, variants);
            made.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failed.put(hash, e.toString());
            log.warn("Image {}: no variants could be made ({}); the original is served", file, e.toString());
        }
    }

    private static boolean unchanged(Path file, long size, FileTime modified) throws IOException {
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        return now.size() == size && now.lastModifiedTime().equals(modified);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
