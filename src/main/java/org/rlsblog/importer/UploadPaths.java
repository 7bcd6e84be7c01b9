package org.rlsblog.importer;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Paths of uploaded files as an export names them, made safe to use below a folder of ours: a
 * path that could leave it (an absolute path, {@code ..}, a drive letter, a backslash, control
 * characters) is refused, so that neither copying nor downloading writes outside {@code content/media/}.
 */
final class UploadPaths {

    static final String UPLOADS = "/wp-content/uploads/";
    /** Longer paths are not WordPress's and are refused rather than handed to the file system. */
    static final int MAX_LENGTH = 400;

    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}._~()+@ ,'&=-]{1,200}");

    private UploadPaths() {}

    /** {@code relative} if it is a plain path below a folder ({@code 2023/03/photo.jpg}), else null. */
    static @Nullable String check(String relative) {
        String path = relative.strip();
        if (path.isEmpty() || path.length() > MAX_LENGTH || path.startsWith("/")) {
            return null;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".")
                    || segment.equals("..")
                    || !SEGMENT.matcher(segment).matches()) {
                return null;
            }
        }
        return path;
    }

    /** {@code relative} as an address: each segment percent-encoded where it needs to be. */
    static String encode(String relative) {
        return Stream.of(relative.split("/"))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    /** The path below {@code wp-content/uploads/} of an address on the old site, or null if it is none. */
    static @Nullable String fromUrl(String url) {
        String path;
        try {
            path = URI.create(url.strip().replace(" ", "%20")).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        int at = path.indexOf(UPLOADS);
        if (at < 0) {
            return null;
        }
        return check(
                URLDecoder.decode(path.substring(at + UPLOADS.length()).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
}
