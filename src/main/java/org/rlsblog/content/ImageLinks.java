package org.rlsblog.content;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the file an image link in a content file points at: {@code /media/...} in the media
 * folder, or a bare file name beside a bundle's {@code index.md}. Anything that would leave the
 * content folder (dot-dot, a symbolic link out) is refused before the file is touched.
 */
final class ImageLinks {

    /** Raster formats the site reads and makes variants of. */
    static final Set<String> RASTER = Set.of("jpg", "jpeg", "png", "gif", "webp");

    /** Files a bundle may serve beside its Markdown: images and media, never text. */
    static final Set<String> BUNDLE_FILES =
            Set.of("jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "mp4", "webm", "mp3", "ogg", "m4a", "pdf");

    private static final String MEDIA = "/media/";

    /**
     * Where a link leads.
     *
     * @param file the file, or null for a link to another site or a problem
     * @param url the address to show it at
     * @param problem why the link cannot be used, or null
     */
    record Target(@Nullable Path file, String url, @Nullable String problem) {

        boolean isRaster() {
            return file != null && RASTER.contains(extension(file.getFileName().toString()));
        }
    }

    private ImageLinks() {}

    /**
     * @param root the content folder, absolute and normalised
     * @param bundle the bundle folder of the file that links, or null when it is a single file
     * @param bundleUrl the address of that bundle's page ({@code /posts/x}), for its files
     */
    static Target resolve(Path root, @Nullable Path bundle, String bundleUrl, String link) {
        String path = stripQuery(link.strip());
        if (path.isEmpty()) {
            return new Target(null, link, "the image has no address");
        }
        if (path.startsWith("//") || path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return new Target(null, link, null); // another site, or a data: URL: nothing to read here
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Target(null, link, "the address '" + link + "' is not a valid URL");
        }
        if (decoded.contains("\\") || decoded.indexOf('\0') >= 0) {
            return new Target(null, link, "the address '" + link + "' is outside content/");
        }
        Path file;
        String url;
        try {
            if (decoded.startsWith(MEDIA)) {
                Path media = root.resolve("media");
                file = media.resolve(decoded.substring(MEDIA.length())).normalize();
                if (!file.startsWith(media)) {
                    return new Target(null, link, "the image '" + link + "' is outside content/");
                }
                url = path;
            } else if (decoded.startsWith("/")) {
                return new Target(null, link, "the image '" + link + "' must be in /media/ or beside index.md");
            } else if (bundle == null) {
                return new Target(
                        null,
                        link,
                        "the image '" + link + "' is relative, but only a bundle (a folder with index.md) has "
                                + "files beside it; use /media/" + decoded + " or make the post a bundle");
            } else {
                file = bundle.resolve(decoded).normalize();
                if (!file.startsWith(root)) {
                    return new Target(null, link, "the image '" + link + "' is outside content/");
                }
                if (!bundle.equals(file.getParent())) {
                    return new Target(
                            null, link, "the image '" + link + "' must be a file right beside index.md in content/");
                }
                url = bundleUrl + "/" + path;
            }
        } catch (InvalidPathException e) {
            return new Target(null, link, "the address '" + link + "' is not a file name");
        }
        String problem = problem(root, file);
        return problem == null ? new Target(file, url, null) : new Target(null, link, problem);
    }

    /** Why a file inside the content folder cannot be shown, or null. */
    static @Nullable String problem(Path root, Path file) {
        if (!Files.exists(file)) {
            return "the image file " + root.relativize(file) + " does not exist";
        }
        try {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                return "the image " + root.relativize(file) + " leads outside content/";
            }
        } catch (IOException e) {
            return "the image " + root.relativize(file) + " cannot be read: " + e.getMessage();
        }
        if (!Files.isRegularFile(file)) {
            return "the image " + root.relativize(file) + " is not a file";
        }
        return null;
    }

    /** Whether a bundle serves this file name beside its Markdown. */
    static boolean isBundleFile(String name) {
        return !name.startsWith(".") && BUNDLE_FILES.contains(extension(name));
    }

    /**
     * The file {@code name} right beside a bundle's {@code index.md}, if readers may fetch it: an
     * image or media file, no sub-folder, nothing that leads out of the bundle.
     */
    static Optional<Path> bundleFile(@Nullable Path bundle, String name) {
        if (bundle == null
                || !isBundleFile(name)
                || name.contains("/")
                || name.contains("\\")
                || name.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            Path file = bundle.resolve(name).normalize();
            if (!bundle.equals(file.getParent())
                    || !Files.isRegularFile(file)
                    || !file.toRealPath().startsWith(bundle.toRealPath())) {
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stripQuery(String link) {
        int cut = link.length();
        for (char c : new char[] {'?', '#'}) {
            int at = link.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return link.substring(0, cut);
    }
}
