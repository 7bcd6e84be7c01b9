package org.rlsblog.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the images were found to be, kept in the data folder between starts: for each file (by its
 * path under content), its size and modification time, content hash and header. A restart trusts
 * an entry whose size and time still match, so unchanged images are neither read nor hashed again.
 * The file is rewritten whole under a temporary name and moved into place, a moment after changes.
 */
final class ImageIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImageIndex.class);
    private static final String HEADER =
            "# rls-blog image index 1: path, size, modified, hash, format, width, height," + " orientation, animated";
    private static final int FIELDS = 9;
    /** Changes are written together a moment later: a first start examines many images at once. */
    private static final long WRITE_DELAY_MILLIS = 1000;

    record Entry(long size, long modified, String hash, ImageHeader header) {}

    private final @Nullable Path file;
    private final Path contentRoot;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicBoolean writeQueued = new AtomicBoolean();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "image-index");
        thread.setDaemon(true);
        return thread;
    });

    /** An index kept in {@code file}, of images under {@code contentRoot}; null keeps it in memory only. */
    ImageIndex(@Nullable Path file, Path contentRoot) {
        this.file = file;
        this.contentRoot = contentRoot.toAbsolutePath().normalize();
        if (file != null) {
            read(file);
        }
    }

    static ImageIndex inMemory() {
        return new ImageIndex(null, Path.of(""));
    }

    /** The entry of an image, if it was examined with this size and modification time. */
    Optional<Entry> find(Path image, long size, long modified) {
        Entry entry = entries.get(key(image));
        return entry != null && entry.size() == size && entry.modified() == modified
                ? Optional.of(entry)
                : Optional.empty();
    }

    void put(Path image, Entry entry) {
        String key = key(image);
        if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            return; // such a name cannot be a line of the index; it is examined on each start
        }
        entries.put(key, entry);
        if (file != null && writeQueued.compareAndSet(false, true)) {
            writer.schedule(this::write, WRITE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The path under content, so that the whole site can move; an absolute path otherwise. */
    private String key(Path image) {
        Path absolute = image.toAbsolutePath().normalize();
        return (absolute.startsWith(contentRoot) ? contentRoot.relativize(absolute) : absolute)
                .toString()
                .replace('\\', '/');
    }

    private void read(Path from) {
        List<String> lines;
        try {
            lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            log.warn("Image index {} cannot be read ({}); the images are examined again", from, e.toString());
            return;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return; // another version: examining again is only slower
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length != FIELDS || !ImageStore.HASH.matcher(f[3]).matches()) {
                continue;
            }
            try {
                ImageHeader header = new ImageHeader(
                        f[4],
                        Integer.parseInt(f[5]),
                        Integer.parseInt(f[6]),
                        Integer.parseInt(f[7]),
                        Boolean.parseBoolean(f[8]));
                entries.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], header));
            } catch (NumberFormatException e) {
                // a damaged line: that image is examined again
            }
        }
    }

    /** Writes the index now if it changed. */
    void write() {
        if (file == null || !writeQueued.getAndSet(false)) {
            return;
        }
        List<String> lines = new ArrayList<>(entries.size() + 1);
        lines.add(HEADER);
        entries.forEach((key, e) -> lines.add(String.join(
                "\t",
                key,
                Long.toString(e.size()),
                Long.toString(e.modified()),
                e.hash(),
                e.header().format(),
                Integer.toString(e.header().width()),
                Integer.toString(e.header().height()),
                Integer.toString(e.header().orientation()),
                Boolean.toString(e.header().animated()))));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".index-", ".tmp");
            try {
                Files.write(temporary, lines, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            log.warn(
                    "Image index {} cannot be written ({}); the next start examines the images again",
                    file,
                    e.toString());
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        write();
    }
}
