package org.rlsblog.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
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
        List<ContentProblem> problems = new ArrayList<>();
        for (Parsed parsed : concat(parsedPosts, parsedPages)) {
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            } else if (parsed.post() != null) {
                posts.add(parsed.post());
            } else if (parsed.page() != null) {
                pages.add(parsed.page());
            }
        }
        renders.prune();
        return ContentSnapshot.build(posts, pages, problems, clock.instant());
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
            return new Parsed(
                    FileTime.fromMillis(0), -1, null, null, new ContentProblem(file, 0, "unreadable: " + e), true, 0);
        }
    }

    private Parsed read(Path file, boolean post, BasicFileAttributes attributes, long images) throws IOException {
        FileTime modified = attributes.lastModifiedTime();
        long size = attributes.size();
        try {
            if (size > MAX_FILE_BYTES) {
                throw new ContentFileException(0, "file is larger than " + MAX_FILE_BYTES / KIB + " KiB");
            }
            String text = decode(Files.readAllBytes(file));
            // a file that may show an image is read again when any image changes: its HTML holds their sizes
            boolean withImages = BodyRenderer.mentionsImages(text) || text.contains("image");
            if (post) {
                ContentFileReader.Result<Post> result = reader.readPost(file, text);
                warn(file, result.warnings());
                return new Parsed(modified, size, result.item(), null, null, withImages, images);
            }
            ContentFileReader.Result<Page> result = reader.readPage(file, text);
            warn(file, result.warnings());
            return new Parsed(modified, size, null, result.item(), null, withImages, images);
        } catch (ContentFileException e) {
            ContentProblem problem = new ContentProblem(file, e.line(), e.getMessage());
            log.warn("Content file left out: {}", problem);
            return new Parsed(modified, size, null, null, problem, true, images);
        }
    }

    private static String decode(byte[] bytes) throws ContentFileException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ContentFileException(0, "not valid UTF-8 text");
        }
    }

    private static void warn(Path file, List<String> warnings) {
        warnings.forEach(w -> log.warn("Content file {}: {}", file, w));
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
            boolean withImages,
            long images) {}
}
