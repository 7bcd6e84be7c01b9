package org.rlsblog.search;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds an in-memory Lucene index of posts, all of them at once. */
final class SearchIndexBuilder {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBuilder.class);
    private static final long BYTES_PER_KB = 1024;

    private final Analyzer analyzer;

    SearchIndexBuilder(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * A searcher over an index of {@code posts}, or null when the build failed (logged) or stopped
     * because {@code stop} said so.
     */
    @Nullable
    IndexSearcher build(List<Post> posts, BooleanSupplier stop) {
        long start = System.nanoTime();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // After a first start no post is rendered yet: render them on every core first (the
        // indexing below is one thread), instead of one after another as each is indexed.
        posts.parallelStream()
                .filter(post -> !stop.getAsBoolean() && !post.body().isRendered())
                .forEach(post -> post.body().get());
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Post post : posts) {
                if (stop.getAsBoolean()) {
                    log.info("Search index build stopped: the site is shutting down");
                    return null;
                }
                writer.addDocument(PostDocuments.document(post));
            }
        } catch (IOException e) {
            log.error("Search index not rebuilt: {}", e.toString());
            return null;
        }
        IndexSearcher searcher;
        try {
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            log.error("Search index not opened: {}", e.toString());
            return null;
        }
        log.info(
                "Search index built: {} posts in {} ms, {} KB",
                posts.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                indexBytes(directory) / BYTES_PER_KB);
        return searcher;
    }

    private static long indexBytes(ByteBuffersDirectory directory) {
        long bytes = 0;
        try {
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
        } catch (IOException e) {
            return -1;
        }
        return bytes;
    }
}
