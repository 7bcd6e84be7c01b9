package org.rlsblog.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.info.BuildProperties;

/**
 * Markdown rendered by an earlier start, kept in the data folder so that a restart renders only
 * what changed. Each rendering is a small file named by the SHA-256 of the Markdown body and the
 * references heading, under a folder for the build that wrote it ({@code
 * <data-dir>/rendered-markdown/<build>/}): another build, whose renderer may differ, starts
 * afresh. After the first load, renderings of text no longer in {@code content/} and the folders
 * of other builds are deleted (two builds sharing one data folder, as in a rolling deploy with
 * PostgreSQL, delete each other's: that only costs renderings). A missing or damaged file only
 * means rendering again.
 *
 * <p>A seed folder ({@code blog.render-seed-dir}: the data folder of an earlier start of the same
 * build, such as the container image's training start) is read where this cache has no rendering,
 * and never written or pruned.
 *
 * <p>Rendering is most of loading content: 10,000 posts took 20-30 s on the 2-core development
 * machine at start-up, where the JIT has not compiled flexmark yet.
 */
final class RenderCache {

    static final String FOLDER = "rendered-markdown";
    private static final Logger log = LoggerFactory.getLogger(RenderCache.class);

    /**
     * With a counter, names a temporary file uniquely among the processes that may share the data
     * folder (a pid would not do: in a container the JVM is always process 1).
     */
    private static final String TEMPORARY_SUFFIX = "." + UUID.randomUUID() + ".tmp";

    private static final AtomicLong TEMPORARY_FILES = new AtomicLong();

    private final @Nullable Path folder;
    /** The renderings in the folder: listed once, so that a text never rendered costs no failed open. */
    private final Set<String> kept;
    /** An earlier start's renderings for this build (the container image's training start): read, never written or pruned. */
    private final @Nullable Path seed;

    private final Set<String> seedKept;
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong reusedFromSeed = new AtomicLong();
    private final AtomicLong made = new AtomicLong();
    private final AtomicLong leftForLater = new AtomicLong();

    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private volatile boolean folderMade;
    private volatile boolean pruned;
    private volatile boolean warned;

    private RenderCache(@Nullable Path folder, @Nullable Path seed) {
        this.folder = folder;
        this.kept = folder == null ? Set.of() : list(folder);
        this.seed = folder == null || seed == null || seed.normalize().equals(folder.normalize()) ? null : seed;
        this.seedKept = this.seed == null ? Set.of() : list(this.seed);
    }

    /**
     * The cache for the running build (named by its build information), or one that keeps nothing
     * when there is none (a build without {@code META-INF/build-info.properties}).
     */
    static RenderCache forBuild(Path dataDir, @Nullable Path seedDir, @Nullable BuildProperties build) {
        return build == null || build.getTime() == null
                ? none()
                : in(dataDir, seedDir, build.getVersion() + "@" + build.getTime());
    }

    /** A cache that keeps nothing (tests, and builds without build information). */
    static RenderCache none() {
        return new RenderCache(null, null);
    }

    /** A cache under {@code dataDir} for the build named {@code build}. */
    static RenderCache in(Path dataDir, String build) {
        return in(dataDir, null, build);
    }

    /**
     * As {@link #in(Path, String)}, also reading the renderings that a start with {@code seedDir}
     * as its data folder kept for the same build (the container image's training start does that
     * for the content baked into the image, so that a container's first start renders nothing).
     */
    static RenderCache in(Path dataDir, @Nullable Path seedDir, String build) {
        String buildFolder = buildFolder(build);
        return new RenderCache(
                dataDir.resolve(FOLDER).resolve(buildFolder),
                seedDir == null ? null : seedDir.resolve(FOLDER).resolve(buildFolder));
    }

    /** The rendering of {@code markdown} with this references heading: kept from before, or made now. */
    RenderedMarkdown render(String markdown, String referencesTitle, Supplier<RenderedMarkdown> renderer) {
        RenderedMarkdown found = kept(markdown, referencesTitle);
        return found != null ? found : make(markdown, referencesTitle, renderer);
    }

    /**
     * The rendering kept from before, or null. Either way the rendering counts as in use, so the
     * prune after this load keeps it (or the one made later, see {@link #leftForLater()}).
     */
    @Nullable
    RenderedMarkdown kept(String markdown, String referencesTitle) {
        if (folder == null) {
            return null;
        }
        String key = key(markdown, referencesTitle);
        if (!pruned) {
            used.add(key);
        }
        RenderedMarkdown found = kept.contains(key) ? readKept(folder.resolve(key)) : null;
        if (found == null && seed != null && seedKept.contains(key)) {
            found = readKept(seed.resolve(key));
            if (found != null) {
                reusedFromSeed.incrementAndGet();
            }
        }
        if (found != null) {
            reused.incrementAndGet();
        }
        return found;
    }

    /** Counts a rendering that the load left to be made when it is first asked for. */
    void leftForLater() {
        leftForLater.incrementAndGet();
    }

    /** Renders now and keeps the rendering for the next start. */
    RenderedMarkdown make(String markdown, String referencesTitle, Supplier<RenderedMarkdown> renderer) {
        if (folder == null) {
            return renderer.get();
        }
        String key = key(markdown, referencesTitle);
        Path file = folder.resolve(key);
        RenderedMarkdown rendered = renderer.get();
        made.incrementAndGet();
        if (write(file, rendered)) {
            kept.add(key);
        }
        return rendered;
    }

    private static String key(String markdown, String referencesTitle) {
        return DigestUtils.sha256Hex(referencesTitle + "\0" + markdown);
    }

    private static @Nullable RenderedMarkdown readKept(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (NoSuchFileException deletedSince) {
            return null;
        } catch (IOException | RuntimeException damaged) {
            log.debug("Rendering in {} not read, rendering afresh: {}", file, damaged.toString());
            return null;
        }
    }

    /**
     * After a load of the whole content folder: deletes the renderings not used since start-up
     * (text that was changed or removed) and the folders of other builds. Runs once.
     */
    void prune() {
        if (folder == null || pruned) {
            return;
        }
        pruned = true;
        log.info(
                "Rendered Markdown: {} renderings reused ({} of them from the seed folder), {} made, {} left for later",
                reused.get(),
                reusedFromSeed.get(),
                made.get(),
                leftForLater.get());
        try (Stream<Path> builds = Files.list(folder.getParent())) {
            for (Path build : builds.toList()) {
                if (!build.equals(folder)) {
                    deleteTree(build);
                }
            }
        } catch (NoSuchFileException nothingKept) {
            return;
        } catch (IOException e) {
            log.warn("Renderings of other builds not deleted from {}: {}", folder.getParent(), e.toString());
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!used.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (NoSuchFileException nothingKept) {
            // nothing rendered yet
        } catch (IOException e) {
            log.warn("Unused renderings not deleted from {}: {}", folder, e.toString());
        }
        used.clear();
    }

    /**
     * Writes a rendering whole or not at all (a temporary file, then moved into place); whether it
     * was. The temporary file's name comes from a counter, not {@link Files#createTempFile}, whose
     * random names took a tenth of a first start's CPU with 10,000 posts (profiled).
     */
    private boolean write(Path file, RenderedMarkdown rendered) {
        try {
            if (!folderMade) {
                Files.createDirectories(file.getParent());
                folderMade = true;
            }
            try {
                writeWhole(file, rendered);
            } catch (NoSuchFileException folderGone) { // another build's prune deleted it
                Files.createDirectories(file.getParent());
                writeWhole(file, rendered);
            }
            return true;
        } catch (IOException e) {
            if (!warned) {
                warned = true;
                log.warn("Rendered Markdown is not kept for the next start ({}): {}", file.getParent(), e.toString());
            }
            return false;
        }
    }

    private static void writeWhole(Path file, RenderedMarkdown rendered) throws IOException {
        Path temporary =
                file.resolveSibling(file.getFileName() + "." + TEMPORARY_FILES.incrementAndGet() + TEMPORARY_SUFFIX);
        Files.write(temporary, bytes(rendered), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Set<String> list(Path folder) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        } catch (NoSuchFileException nothingKeptYet) {
            // a first start
        } catch (IOException e) {
            log.warn("Renderings kept in {} not listed, rendering afresh: {}", folder, e.toString());
        }
        return names;
    }

    private static byte[] bytes(RenderedMarkdown rendered) throws IOException {
        byte[] html = rendered.html().deflated();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(html.length + 512);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(rendered.html().length());
        out.writeInt(html.length);
        out.write(html);
        out.writeInt(rendered.toc().size());
        for (TocEntry entry : rendered.toc()) {
            out.writeInt(entry.level());
            writeString(out, entry.id());
            writeString(out, entry.text());
        }
        writeString(out, rendered.firstParagraph());
        out.writeInt(rendered.words());
        out.writeInt(rendered.citations().size());
        for (String citation : rendered.citations()) {
            writeString(out, citation);
        }
        CRC32C checksum = new CRC32C();
        checksum.update(buffer.toByteArray());
        out.writeInt((int) checksum.getValue());
        return buffer.toByteArray();
    }

    private static RenderedMarkdown read(byte[] bytes) throws IOException {
        if (bytes.length < 4) {
            throw new IOException("damaged: " + bytes.length + " bytes");
        }
        CRC32C checksum = new CRC32C();
        checksum.update(bytes, 0, bytes.length - 4);
        if ((int) checksum.getValue()
                != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw new IOException("damaged: checksum differs");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
        int htmlLength = in.readInt();
        int deflatedLength = count(in);
        byte[] deflated = new byte[deflatedLength];
        in.readFully(deflated);
        Html html = Html.ofDeflated(deflated, htmlLength);
        int tocSize = count(in);
        List<TocEntry> toc = new ArrayList<>(tocSize);
        for (int i = 0; i < tocSize; i++) {
            toc.add(new TocEntry(in.readInt(), readString(in), readString(in)));
        }
        String firstParagraph = readString(in);
        int words = in.readInt();
        int citationCount = count(in);
        List<String> citations = new ArrayList<>(citationCount);
        for (int i = 0; i < citationCount; i++) {
            citations.add(readString(in));
        }
        if (in.available() != 0) {
            throw new IOException("damaged: bytes after the end");
        }
        return new RenderedMarkdown(html, List.copyOf(toc), firstParagraph, words, List.copyOf(citations));
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("damaged: a string of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("damaged: a list of " + count);
        }
        return count;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String buildFolder(String build) {
        return DigestUtils.sha256Hex(build).substring(0, 16);
    }
}
