package org.rlsblog.images;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import org.rlsblog.NotFoundException;
import org.rlsblog.content.PostCatalog;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves image variants at fingerprinted addresses, cached for a year, and the files of post and
 * page bundles. A variant not made yet is answered with its original, uncached, so that a page
 * never waits for processing and never links a missing file.
 */
@Controller
class ImageController {

    /** A page bundle's files live under its slug; these first segments belong to the site. */
    private static final String PAGE_SLUG =
            "(?!(?:css|js|media|images|assets|posts|tags|admin|feed|search|archive|comments|error)$)"
                    + "[a-z0-9]+(?:-[a-z0-9]+)*";

    private static final String FILE_NAME = ".+\\.[A-Za-z0-9]+";
    private static final Duration BUNDLE_FILES_CACHED = Duration.ofDays(1);
    private static final Duration VARIANTS_CACHED = Duration.ofDays(365);

    private final ImageStore store;
    private final ImageCatalog catalog;
    private final PostCatalog posts;

    ImageController(ImageStore store, ImageCatalog catalog, PostCatalog posts) {
        this.store = store;
        this.catalog = catalog;
        this.posts = posts;
    }

    @GetMapping("/images/{hash}/{name}")
    ResponseEntity<Resource> showVariant(@PathVariable String hash, @PathVariable String name) {
        Optional<Path> variant = store.variant(hash, name);
        if (variant.isPresent()) {
            return file(
                    variant.get(),
                    CacheControl.maxAge(VARIANTS_CACHED).cachePublic().immutable());
        }
        Matcher matcher = ImageStore.VARIANT.matcher(name);
        if (!ImageStore.HASH.matcher(hash).matches() || !matcher.matches()) {
            throw new NotFoundException("image");
        }
        String extension = matcher.group(2);
        return catalog.original(hash)
                .filter(original -> extension.equals("webp")
                        || extension.equals(original.header().extension()))
                .map(original -> file(original.file(), CacheControl.noCache()))
                .orElseThrow(() -> new NotFoundException("image"));
    }

    @GetMapping("/posts/{slug}/{name:" + FILE_NAME + "}")
    ResponseEntity<Resource> showPostFile(@PathVariable String slug, @PathVariable String name) {
        return posts.postFile(slug, name)
                .map(file -> file(file, CacheControl.maxAge(BUNDLE_FILES_CACHED).cachePublic()))
                .orElseThrow(() -> new NotFoundException("file"));
    }

    @GetMapping("/{slug:" + PAGE_SLUG + "}/{name:" + FILE_NAME + "}")
    ResponseEntity<Resource> showPageFile(@PathVariable String slug, @PathVariable String name) {
        return posts.pageFile(slug, name)
                .map(file -> file(file, CacheControl.maxAge(BUNDLE_FILES_CACHED).cachePublic()))
                .orElseThrow(() -> new NotFoundException("file"));
    }

    private static ResponseEntity<Resource> file(Path file, CacheControl cache) {
        Resource resource = new FileSystemResource(file);
        MediaType type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().cacheControl(cache).contentType(type).body(resource);
    }
}
