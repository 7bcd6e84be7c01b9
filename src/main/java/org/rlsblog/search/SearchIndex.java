package org.rlsblog.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.ContentChanged;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * An in-memory Lucene index of every post in the content snapshot, swapped whole when content
 * changes. Each post's text goes into fields for its language ({@code title_en}, {@code body_nl},
 * …), analysed with that language's stemmer; a query is read by Lucene's simple query parser
 * (which has no syntax errors: quotes, {@code *}, {@code +}/{@code -} either work or are taken as
 * text) against every language's fields. Scheduled posts are in the index but filtered out until
 * their date, and so are posts the catalog no longer publishes.
 */
@Service
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final List<String> LANGUAGES = List.of("en", "nl", "xx");
    private static final Map<String, Float> FIELD_WEIGHTS = weights();
    private static final int MAX_QUERY_LENGTH = 200;

    private final PostCatalog catalog;
    private final Clock clock;
    private final Analyzer analyzer = analyzer();
    private final ApplicationEventPublisher events;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    /** One index, and the related posts worked out from it so far. */
    private record Snapshot(
            IndexSearcher searcher,
            java.time.Instant contentLoadedAt,
            Map<String, List<Post>> related,
            Cache<String, SearchResults> results) {}

    /**
     * How long a page of results is reused: a burst of readers searching the same words costs one
     * search and one round of highlighting. A scheduled post joins the results at most this late.
     */
    static final java.time.Duration RESULTS_KEPT = java.time.Duration.ofSeconds(10);

    private final java.util.concurrent.CountDownLatch firstBuild = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closing;

    SearchIndex(PostCatalog catalog, Clock clock, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.clock = clock;
        this.events = events;
    }

    /** Builds the first index off the start-up path: the site answers before search is ready. */
    @Async
    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void onStarted() {
        rebuild();
    }

    @Async
    @EventListener
    public void onContentChanged(ContentChanged event) {
        rebuild();
    }

    /**
     * Stops a build under way when the site shuts down. A build after a first start renders every
     * post (see {@link org.rlsblog.content.PostBody}): 15-20 s with 10,000 posts, which the graceful
     * shutdown otherwise waited for (20 s, measured), past a container's usual 10 s before SIGKILL.
     */
    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    public void onClosing() {
        closing = true;
    }

    /** Page {@code page} of the published posts that match {@code query}, best first. */
    public SearchResults search(String query, int page, int pageSize) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        Snapshot current = readySnapshot();
        if (text.isEmpty() || current == null || page < 1) {
            return SearchResults.empty(text);
        }
        long now = clock.millis();
        String key = (now / RESULTS_KEPT.toMillis()) + "|" + page + "|" + pageSize + "|" + text;
        String searched = text;
        return current.results().get(key, k -> search(current, searched, page, pageSize, now));
    }

    private SearchResults search(Snapshot current, String text, int page, int pageSize, long now) {
        Query parsed = new SimpleQueryParser(analyzer, FIELD_WEIGHTS).parse(text);
        if (parsed == null || parsed instanceof MatchNoDocsQuery) {
            return SearchResults.empty(text);
        }
        Query visible = new BooleanQuery.Builder()
                .add(parsed, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery("published", Long.MIN_VALUE, now), BooleanClause.Occur.FILTER)
                .build();
        try {
            int wanted = Math.min(page * pageSize, 10_000);
            TopDocs top = current.searcher().search(visible, wanted);
            long total = top.totalHits.value;
            int totalPages = (int) Math.max(1, (Math.min(total, 10_000) + pageSize - 1) / pageSize);
            List<SearchHit> hits = new ArrayList<>();
            Highlighter highlighter = new Highlighter(
                    new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(parsed));
            highlighter.setTextFragmenter(new SimpleFragmenter(180));
            for (int i = (page - 1) * pageSize; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Post post = catalog.findPost(slugOf(current.searcher(), scoreDoc.doc))
                        .orElse(null);
                if (post == null) {
                    continue;
                }
                hits.add(new SearchHit(post.slug(), post.title(), snippet(highlighter, text(post))));
            }
            return new SearchResults(text, hits, total, page, totalPages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Up to {@code limit} published posts like this one: most shared tags first, then similar text.
     * Never waits for the index: until the first one is built, shared tags alone decide (and a
     * {@link SearchIndexRebuilt} event tells when text similarity can join in).
     */
    public List<Post> related(Post post, int limit) {
        Snapshot current = snapshot.get();
        List<Post> related = current == null
                ? findRelated(post, limit, null)
                : current.related()
                        .computeIfAbsent(post.slug() + "|" + limit, key -> findRelated(post, limit, current));
        return related.stream()
                .filter(p -> catalog.findPost(p.slug()).isPresent())
                .toList();
    }

    private List<Post> findRelated(Post post, int limit, @Nullable Snapshot index) {
        Map<String, Integer> sharedTags = new HashMap<>();
        Map<String, Post> bySlug = new LinkedHashMap<>();
        for (Tag tag : post.tags()) {
            List<Post> tagged =
                    catalog.tagged(tag.slug(), 1, 200).map(l -> l.posts()).orElse(List.of());
            for (Post other : tagged) {
                if (!other.slug().equals(post.slug())) {
                    sharedTags.merge(other.slug(), 1, Integer::sum);
                    bySlug.putIfAbsent(other.slug(), other);
                }
            }
        }
        Map<String, Float> similarity = index == null ? Map.of() : similarTo(index, post, limit * 4);
        similarity.keySet().forEach(slug -> catalog.findPost(slug).ifPresent(p -> bySlug.putIfAbsent(slug, p)));
        return bySlug.values().stream()
                .sorted(java.util.Comparator.comparing((Post p) -> sharedTags.getOrDefault(p.slug(), 0))
                        .reversed()
                        .thenComparing(p -> -similarity.getOrDefault(p.slug(), 0f))
                        .thenComparing(Post::published, java.util.Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    private Map<String, Float> similarTo(Snapshot current, Post post, int count) {
        Map<String, Float> scores = new LinkedHashMap<>();
        try {
            IndexSearcher searcher = current.searcher();
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            String lang = language(post);
            mlt.setFieldNames(new String[] {"title_" + lang, "body_" + lang});
            mlt.setMinTermFreq(2);
            mlt.setMinDocFreq(1);
            // the index keeps no text: the post's own text is read again, as the index build read it
            Query like = mlt.like("body_" + lang, new StringReader(post.title() + "\n" + text(post)));
            for (ScoreDoc hit : searcher.search(like, count + 1).scoreDocs) {
                String slug = slugOf(searcher, hit.doc);
                if (!slug.equals(post.slug())) {
                    scores.put(slug, hit.score);
                }
            }
        } catch (IOException e) {
            log.warn("Related posts for {} not found: {}", post.slug(), e.toString());
        }
        return scores;
    }

    /** The index, waiting (briefly) for the first one to be built if a request comes that early. */
    private Snapshot readySnapshot() {
        Snapshot current = snapshot.get();
        if (current != null) {
            return current;
        }
        try {
            firstBuild.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return snapshot.get();
    }

    private synchronized void rebuild() {
        long start = System.nanoTime();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        List<Post> posts = catalog.allPosts();
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        // After a first start no post is rendered yet: render them on every core first (the
        // indexing below is one thread), instead of one after another as each is indexed.
        posts.parallelStream()
                .filter(post -> !closing && !post.body().isRendered())
                .forEach(post -> post.body().get());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Post post : posts) {
                if (closing) {
                    log.info("Search index build stopped: the site is shutting down");
                    return;
                }
                writer.addDocument(document(post));
            }
        } catch (IOException e) {
            log.error("Search index not rebuilt: {}", e.toString());
            return;
        }
        try {
            snapshot.set(new Snapshot(
                    new IndexSearcher(DirectoryReader.open(directory)),
                    catalog.loadedAt(),
                    new ConcurrentHashMap<>(),
                    Caffeine.newBuilder()
                            .maximumSize(1_000)
                            .expireAfterWrite(RESULTS_KEPT)
                            .build()));
        } catch (IOException e) {
            log.error("Search index not opened: {}", e.toString());
            return;
        }
        firstBuild.countDown();
        log.info(
                "Search index built: {} posts in {} ms, {} KB",
                posts.size(),
                (System.nanoTime() - start) / 1_000_000,
                indexBytes(directory) / 1024);
        events.publishEvent(new SearchIndexRebuilt(catalog.loadedAt()));
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

    private static Document document(Post post) {
        String lang = language(post);
        Document doc = new Document();
        doc.add(new SortedDocValuesField("slug", new BytesRef(post.slug())));
        doc.add(new LongPoint("published", post.published().toInstant().toEpochMilli()));
        doc.add(new TextField("title_" + lang, post.title(), Field.Store.NO));
        doc.add(new TextField("summary_" + lang, post.summary(), Field.Store.NO));
        doc.add(new TextField(
                "tags_" + lang,
                String.join(" ", post.tags().stream().map(Tag::name).toList()),
                Field.Store.NO));
        doc.add(new TextField("body_" + lang, text(post), Field.Store.NO));
        return doc;
    }

    /** The post's text, as the index reads it; the index keeps none (it is read again from the post to highlight). */
    private static String text(Post post) {
        return Jsoup.parse(post.html().toString()).text();
    }

    /** The slug of a document in the index (kept as a doc value: reading stored fields costs more). */
    private static String slugOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues slugs = DocValues.getSorted(leaf.reader(), "slug");
        if (!slugs.advanceExact(doc - leaf.docBase)) {
            throw new IOException("document " + doc + " has no slug");
        }
        return slugs.lookupOrd(slugs.ordValue()).utf8ToString();
    }

    private static String snippet(Highlighter highlighter, String body) throws IOException {
        if (body.isEmpty()) {
            return "";
        }
        for (String lang : LANGUAGES) {
            try {
                String fragment = highlighter.getBestFragment(analyzerFor(lang), "body_" + lang, body);
                if (fragment != null) {
                    return fragment + " …";
                }
            } catch (InvalidTokenOffsetsException e) {
                break;
            }
        }
        String start = body.length() > 180
                ? body.substring(0, body.lastIndexOf(' ', 180) > 0 ? body.lastIndexOf(' ', 180) : 180) + " …"
                : body;
        return HtmlUtils.htmlEscape(start);
    }

    private static String language(Post post) {
        String lang = post.lang().getLanguage().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(lang) ? lang : "xx";
    }

    private static Analyzer analyzerFor(String lang) {
        return switch (lang) {
            case "en" -> new EnglishAnalyzer();
            case "nl" -> new DutchAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    private static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String lang : LANGUAGES) {
            Analyzer language = analyzerFor(lang);
            for (String field : List.of("title_", "summary_", "tags_", "body_")) {
                perField.put(field + lang, language);
            }
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    private static Map<String, Float> weights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            weights.put("title_" + lang, 4f);
            weights.put("tags_" + lang, 3f);
            weights.put("summary_" + lang, 2f);
            weights.put("body_" + lang, 1f);
        }
        return weights;
    }
}
