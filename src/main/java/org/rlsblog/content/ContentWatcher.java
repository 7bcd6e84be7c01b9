package org.rlsblog.content;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the content folder (and every folder under it) and reloads the catalog when files
 * change, once a burst of changes has settled for {@code blog.reload-delay}. If the folder
 * vanishes, the site keeps what it had and the watcher tries again every second.
 */
@Component
class ContentWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);

    /** How often the watcher looks for a folder that vanished or moved, and retries a watch that failed. */
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private final PostCatalog catalog;
    private final ContentProperties properties;
    private volatile Thread thread;
    private volatile WatchService watchService;

    ContentWatcher(PostCatalog catalog, ContentProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.watch()) {
            return;
        }
        // Watch before the site is started, not a moment later on the thread: a file saved in
        // between was missed until the next change (seen as a flaky reload test in CI).
        Map<WatchKey, Path> keys = new HashMap<>();
        Object watchedFolder = registerNow(keys);
        Thread watcher = new Thread(() -> watch(keys, watchedFolder), "content-watcher");
        watcher.setDaemon(true);
        thread = watcher;
        watcher.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        closeWatchService();
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Registers the content folder's tree; returns its identity, or null (the thread then retries). */
    private @Nullable Object registerNow(Map<WatchKey, Path> keys) {
        Path root = properties.contentDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return null;
        }
        try {
            watchService = FileSystems.getDefault().newWatchService();
            registerAll(root, keys);
            return folderId(root);
        } catch (IOException | RuntimeException e) {
            log.warn("Watching {} failed ({}); retrying", root, e.toString());
            keys.clear();
            return null;
        }
    }

    private void watch(Map<WatchKey, Path> keys, @Nullable Object registeredFolder) {
        Path root = properties.contentDir().toAbsolutePath().normalize();
        boolean wasMissing = false;
        Object watchedFolder = registeredFolder;
        while (thread == Thread.currentThread()) {
            try {
                if (keys.isEmpty()) {
                    if (!Files.isDirectory(root)) {
                        if (!wasMissing) {
                            log.error(
                                    "Content folder {} is gone; serving what was loaded, checking every second", root);
                            wasMissing = true;
                        }
                        TimeUnit.MILLISECONDS.sleep(CHECK_INTERVAL.toMillis());
                        continue;
                    }
                    closeWatchService();
                    watchService = FileSystems.getDefault().newWatchService();
                    registerAll(root, keys);
                    boolean replaced = watchedFolder != null;
                    watchedFolder = folderId(root);
                    if (wasMissing || replaced) {
                        log.info("Content folder {} is back", root);
                        wasMissing = false;
                        catalog.reload();
                    }
                }
                WatchKey key = watchService.poll(CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) {
                    // a folder moved away keeps its watch keys: notice it is no longer the one at root
                    if (!Objects.equals(folderId(root), watchedFolder)) {
                        keys.clear();
                    }
                    continue;
                }
                boolean changed = drain(key, keys);
                // let a burst of changes (an editor's save, a git pull) settle before reloading
                WatchKey more;
                while ((more = watchService.poll(properties.reloadDelay().toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(more, keys);
                }
                if (changed) {
                    catalog.reload();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("Watching {} failed ({}); retrying", root, e.toString());
                keys.clear();
                try {
                    TimeUnit.MILLISECONDS.sleep(CHECK_INTERVAL.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** The identity (inode) of the folder now at {@code root}, or null when there is none. */
    private static Object folderId(Path root) {
        try {
            return Files.isDirectory(root)
                    ? Files.readAttributes(root, BasicFileAttributes.class).fileKey()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean drain(WatchKey key, Map<WatchKey, Path> keys) throws IOException {
        Path dir = keys.get(key);
        for (var event : key.pollEvents()) {
            if (event.kind() == ENTRY_CREATE && dir != null && event.context() instanceof Path name) {
                Path child = dir.resolve(name);
                if (Files.isDirectory(child)) {
                    registerAll(child, keys);
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
        return true;
    }

    private void registerAll(Path start, Map<WatchKey, Path> keys) throws IOException {
        try (Stream<Path> dirs = Files.walk(start)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                keys.put(dir.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
            }
        }
    }

    private void closeWatchService() {
        WatchService current = watchService;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing a watch service that is going away anyway
            }
        }
    }
}
