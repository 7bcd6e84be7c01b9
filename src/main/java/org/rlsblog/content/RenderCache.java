package org.rlsblog.content;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.info.BuildProperties;

/**
 * Markdown rendered by an earlier start, so that a restart renders only what changed. A rendering
 * is found by the SHA-256 of the Markdown body and the references heading, in a folder for the
 * build that wrote it ({@code <data-dir>/rendered-markdown/<build>/}): another build, whose
 * renderer may differ, starts afresh. The first load's {@link #prune()} deletes what it did not use.
 */
final class RenderCache {

    static final String FOLDER = "rendered-markdown";

    /** Hex digits of a build's name that name its folder: enough to tell builds apart. */
    private static final int BUILD_FOLDER_NAME_LENGTH = 16;

    private static final Logger log = LoggerFactory.getLogger(RenderCache.class);

    /**
     * Names what the renderer makes of Markdown: changed whenever the renderer makes something
     * else of the same text, so that renderings kept by an older build are not read.
     */
    private static final String RENDERING = "2";

    private final @Nullable RenderingStore store;
    /** An earlier start's renderings for this build (the container image's training start): read only. */
    private final @Nullable RenderingFolder seed;

    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong reusedFromSeed = new AtomicLong();
    private final AtomicLong made = new AtomicLong();
    private final AtomicLong leftForLater = new AtomicLong();

    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private volatile boolean pruned;

    private RenderCache(@Nullable Path folder, @Nullable Path seed) {
        this.store = folder == null ? null : new RenderingStore(folder);
        this.seed = folder == null || seed == null || seed.normalize().equals(folder.normalize())
                ? null
                : new RenderingFolder(seed);
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
     * As {@link #in(Path, String)}, also reading what a start with {@code seedDir} as its data
     * folder kept for the same build, so that a container's first start renders nothing the image
     * was built with.
     */
    static RenderCache in(Path dataDir, @Nullable Path seedDir, String build) {
        String buildFolder = DigestUtils.sha256Hex(build).substring(0, BUILD_FOLDER_NAME_LENGTH);
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
        if (store == null) {
            return null;
        }
        String key = key(markdown, referencesTitle);
        if (!pruned) {
            used.add(key);
        }
        RenderedMarkdown found = store.read(key);
        if (found == null && seed != null) {
            found = seed.read(key);
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
        if (store == null) {
            return renderer.get();
        }
        String key = key(markdown, referencesTitle);
        RenderedMarkdown rendered = renderer.get();
        made.incrementAndGet();
        store.write(key, rendered);
        return rendered;
    }

    /**
     * After a load of the whole content folder: deletes the renderings not used since start-up
     * (text that was changed or removed) and the folders of other builds, never the seed. Runs once.
     */
    void prune() {
        if (store == null || pruned) {
            return;
        }
        pruned = true;
        log.info(
                "Rendered Markdown: {} renderings reused ({} of them from the seed folder), {} made, {} left for later",
                reused.get(),
                reusedFromSeed.get(),
                made.get(),
                leftForLater.get());
        store.prune(used);
        used.clear();
    }

    private static String key(String markdown, String referencesTitle) {
        return DigestUtils.sha256Hex(RENDERING + "\0" + referencesTitle + "\0" + markdown);
    }
}
