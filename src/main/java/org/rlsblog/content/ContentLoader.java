package org.rlsblog.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the content folder into a {@link ContentSnapshot}. Files are read in parallel, and a file
 * whose size and modification time have not changed since the last load is not parsed again, so
 * a reload after one edit costs one file's work plus re-indexing.
 */
@Component
class ContentLoader {

    private static final Logger log = LoggerFactory.getLogger(ContentLoader.class);
    private static final int KIB = 1024;
    private static final long MAX_FILE_BYTES = 2L * KIB * KIB;
    private static final long STAMP_PRIME = 31;

    private final ContentFileReader reader;
    private final RenderCache renders;
    private final ContentProperties properties;
    private final Clock clock;
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();

    ContentLoader(ContentFileReader reader, RenderCache renders, ContentProperties properties, Clock clock) {
        this.reader = reader;
        this.renders = renders;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws IOException when the content folder itself is missing or unreadable; the caller then
     *     keeps what it had
     */
    ContentSnapshot load() throws IOException {
        Path root = properties.contentDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(root) || !Files.isReadable(root)) {
            throw new IOException("content folder " + root + " is missing or unreadable");
        }
        List<Path> postFiles = markdownFiles(root.resolve("posts"));
        List<Path> pageFiles = markdownFiles(root.resolve("pages"));
        long images = imageStamp(root);
        List<Parsed> parsedPosts =
                postFiles.parallelStream().map(f -> parse(f, true, images)).toList();
        List<Parsed> parsedPages =
                pageFiles.parallelStream().map(f -> parse(f, false, images)).toList();
        cache.keySet().retainAll(new HashSet<>(concat(postFiles, pageFiles)));

        List<Post> posts = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        List<Post> drafts = new ArrayList<>();
        List<Page> draftPages = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        List<ContentProblem> warnings = new ArrayList<>();
        Map<Path, Map<String, Integer>> keyLines = new HashMap<>();
        for (Parsed parsed : concat(parsedPosts, parsedPages)) {
            warnings.addAll(parsed.warnings());
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            } else if (parsed.post() != null) {
                (parsed.draft() ? drafts : posts).add(parsed.post());
                keyLines.put(parsed.post().source(), parsed.keyLines());
            } else if (parsed.page() != null) {
                (parsed.draft() ? draftPages : pages).add(parsed.page());
                keyLines.put(parsed.page().source(), parsed.keyLines());
            }
        }
        renders.prune();
        ContentSnapshot.KeyLines lines =
                (file, key) -> keyLines.getOrDefault(file, Map.of()).getOrDefault(key, 1);
        return ContentSnapshot.build(
                new ContentSnapshot.Files(posts, pages, drafts, draftPages, problems, warnings, lines),
                clock.instant());
    }

    private Parsed parse(Path file, boolean post, long images) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Parsed cached = cache.get(file);
            if (cached != null
                    && cached.modified().equals(attributes.lastModifiedTime())
                    && cached.size() == attributes.size()
                    && (!cached.withImages() || cached.images() == images)) {
                return cached;
            }
            Parsed parsed = read(file, post, attributes, images);
            cache.put(file, parsed);
            return parsed;
        } catch (IOException e) {
            return Parsed.leftOut(FileTime.fromMillis(0), -1, new ContentProblem(file, 1, "unreadable: " + e), images);
        }
    }

    private Parsed read(Path file, boolean post, BasicFileAttributes attributes, long images) throws IOException {
        FileTime modified = attributes.lastModifiedTime();
        long size = attributes.size();
        try {
            if (size > MAX_FILE_BYTES) {
                throw new ContentFileException(1, "file is larger than " + MAX_FILE_BYTES / KIB + " KiB");
            }
            String text = decode(Files.readAllBytes(file));
            // a file that may show an image is read again when any image changes: its HTML holds their sizes
            boolean withImages = BodyRenderer.mentionsImages(text) || text.contains("image");
            if (post) {
                ContentFileReader.Result<Post> result = reader.readPost(file, text);
                return new Parsed(
                        modified,
                        size,
                        result.item(),
                        null,
                        null,
                        result.draft(),
                        warnings(file, result.warnings()),
                        result.keyLines(),
                        withImages,
                        images);
            }
            ContentFileReader.Result<Page> result = reader.readPage(file, text);
            return new Parsed(
                    modified,
                    size,
                    null,
                    result.item(),
                    null,
                    result.draft(),
                    warnings(file, result.warnings()),
                    result.keyLines(),
                    withImages,
                    images);
        } catch (ContentFileException e) {
            ContentProblem problem = new ContentProblem(file, Math.max(1, e.line()), e.getMessage());
            log.warn("Content file left out: {}", problem);
            return Parsed.leftOut(modified, size, problem, images);
        }
    }

    /** The text; a byte that is not UTF-8 is a problem on the line it stands on. */
    private static String decode(byte[] bytes) throws ContentFileException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ContentFileException(line, "not valid UTF-8 text");
        }
        return out.flip().toString();
    }

    private static List<ContentProblem> warnings(Path file, List<ContentFileReader.Warning> warnings) {
        warnings.forEach(w -> log.warn("Content file {}: {}", file, w));
        return warnings.stream()
                .map(w -> new ContentProblem(file, w.line(), w.message()))
                .toList();
    }

    /**
     * The Markdown files under {@code dir}; in a bundle (a folder with {@code index.md}) only that
     * file, since the rest of a bundle belongs to its post.
     */
    private static List<Path> markdownFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> markdown;
        try (Stream<Path> files = Files.walk(dir)) {
            markdown = files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith(".") && (name.endsWith(".md") || name.endsWith(".markdown"));
                    })
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Set<Path> bundles = new HashSet<>();
        markdown.stream().map(ImageContext::bundleOf).filter(Objects::nonNull).forEach(bundles::add);
        return markdown.stream()
                .filter(f -> ImageContext.bundleOf(f) != null || !isInBundle(f, bundles))
                .toList();
    }

    private static boolean isInBundle(Path file, Set<Path> bundles) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            if (bundles.contains(dir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A number that changes when any raster image under the content folder is added, removed or
     * changed: the files that show images are then read again.
     */
    private static long imageStamp(Path root) throws IOException {
        long stamp = 0;
        for (String folder : List.of("posts", "pages", "media")) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (ImageLinks.RASTER.contains(
                            ImageLinks.extension(file.getFileName().toString()))) {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        stamp = stamp * STAMP_PRIME
                                + Objects.hash(
                                        file.toString(),
                                        attributes.size(),
                                        attributes.lastModifiedTime().toMillis());
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return stamp;
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private record Parsed(
            FileTime modified,
            long size,
            @Nullable Post post,
            @Nullable Page page,
            @Nullable ContentProblem problem,
            boolean draft,
            List<ContentProblem> warnings,
            Map<String, Integer> keyLines,
            boolean withImages,
            long images) {

        /** A file left out; read again whenever images change, as its problem may be about one. */
        static Parsed leftOut(FileTime modified, long size, ContentProblem problem, long images) {
            return new Parsed(modified, size, null, null, problem, false, List.of(), Map.of(), true, images);
        }
    }
}
