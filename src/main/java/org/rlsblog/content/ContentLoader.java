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
        List<Parsed> parsedPosts =
                postFiles.parallelStream().map(f -> parse(f, true)).toList();
        List<Parsed> parsedPages =
                pageFiles.parallelStream().map(f -> parse(f, false)).toList();
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

    private Parsed parse(Path file, boolean post) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Parsed cached = cache.get(file);
            if (cached != null
                    && cached.modified().equals(attributes.lastModifiedTime())
                    && cached.size() == attributes.size()) {
                return cached;
            }
            Parsed parsed = read(file, post, attributes);
            cache.put(file, parsed);
            return parsed;
        } catch (IOException e) {
            return new Parsed(FileTime.fromMillis(0), -1, null, null, new ContentProblem(file, 0, "unreadable: " + e));
        }
    }

    private Parsed read(Path file, boolean post, BasicFileAttributes attributes) throws IOException {
        FileTime modified = attributes.lastModifiedTime();
        long size = attributes.size();
        try {
            if (size > MAX_FILE_BYTES) {
                throw new ContentFileException(0, "file is larger than " + MAX_FILE_BYTES / KIB + " KiB");
            }
            String text = decode(Files.readAllBytes(file));
            if (post) {
                ContentFileReader.Result<Post> result = reader.readPost(file, text);
                warn(file, result.warnings());
                return new Parsed(modified, size, result.item(), null, null);
            }
            ContentFileReader.Result<Page> result = reader.readPage(file, text);
            warn(file, result.warnings());
            return new Parsed(modified, size, null, result.item(), null);
        } catch (ContentFileException e) {
            ContentProblem problem = new ContentProblem(file, e.line(), e.getMessage());
            log.warn("Content file left out: {}", problem);
            return new Parsed(modified, size, null, null, problem);
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

    private static List<Path> markdownFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith(".") && (name.endsWith(".md") || name.endsWith(".markdown"));
                    })
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
            @Nullable ContentProblem problem) {}
}
