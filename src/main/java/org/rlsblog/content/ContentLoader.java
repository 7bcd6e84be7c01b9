package org.rlsblog.content;

import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;
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
    private final ContentProperties properties;
    private final Clock clock;
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();

    ContentLoader(ContentFileReader reader, ContentProperties properties, Clock clock) {
        this.reader = reader;
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
        List<Path> postFiles = ContentTree.markdownFiles(root.resolve("posts"));
        List<Path> pageFiles = ContentTree.markdownFiles(root.resolve("pages"));
        long images = ContentTree.imageStamp(root);
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
            if (cached != null && cached.stamp().isCurrent(attributes, images)) {
                return cached;
            }
            Parsed parsed = read(file, post, attributes, images);
            cache.put(file, parsed);
            return parsed;
        } catch (IOException e) {
            return Parsed.leftOut(
                    new FileStamp(FileTime.fromMillis(0), -1, true, images),
                    new ContentProblem(file, 1, "unreadable: " + e));
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
            FileStamp stamp = new FileStamp(modified, size, withImages, images);
            if (post) {
                ContentFileReader.Result<Post> result = reader.readPost(file, text);
                return Parsed.post(stamp, result, warnings(file, result.warnings()));
            }
            ContentFileReader.Result<Page> result = reader.readPage(file, text);
            return Parsed.page(stamp, result, warnings(file, result.warnings()));
        } catch (ContentFileException e) {
            ContentProblem problem = new ContentProblem(file, Math.max(1, e.line()), e.getMessage());
            log.warn("Content file left out: {}", problem);
            return Parsed.leftOut(new FileStamp(modified, size, true, images), problem);
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

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /**
     * When a file was read: it is read again when its size or time changes, or, if it may show an
     * image, when any image changes.
     */
    private record FileStamp(FileTime modified, long size, boolean withImages, long images) {

        boolean isCurrent(BasicFileAttributes attributes, long currentImages) {
            return modified.equals(attributes.lastModifiedTime())
                    && size == attributes.size()
                    && (!withImages || images == currentImages);
        }
    }

    private record Parsed(
            FileStamp stamp,
            @Nullable Post post,
            @Nullable Page page,
            @Nullable ContentProblem problem,
            boolean draft,
            List<ContentProblem> warnings,
            Map<String, Integer> keyLines) {

        static Parsed post(FileStamp stamp, ContentFileReader.Result<Post> result, List<ContentProblem> warnings) {
            return new Parsed(stamp, result.item(), null, null, result.draft(), warnings, result.keyLines());
        }

        static Parsed page(FileStamp stamp, ContentFileReader.Result<Page> result, List<ContentProblem> warnings) {
            return new Parsed(stamp, null, result.item(), null, result.draft(), warnings, result.keyLines());
        }

        /** A file left out; read again whenever images change, as its problem may be about one. */
        static Parsed leftOut(FileStamp stamp, ContentProblem problem) {
            return new Parsed(stamp, null, null, problem, false, List.of(), Map.of());
        }
    }
}
