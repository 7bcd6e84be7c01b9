package org.rlsblog.content;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the HTML needs to show one image file: its size as displayed (EXIF orientation applied),
 * the address of the image to load, and the candidates for {@code srcset}. A problem means the
 * image could not be used (missing, unreadable, refused); the page then links the file as written.
 *
 * @param width displayed width in pixels, 0 when unknown
 * @param height displayed height in pixels, 0 when unknown
 * @param src the address for {@code src} (a variant, or the original file)
 * @param candidates the variants for {@code srcset}, narrowest first; empty when there are none
 * @param problem why the image cannot be used, or null
 */
public record ImageFacts(
        int width,
        int height,
        String src,
        List<Candidate> candidates,
        @Nullable String problem) {

    /** The width an {@code og:image} should have at most: what link previews show. */
    private static final int PREVIEW_WIDTH = 1200;

    /**
     * One variant of the image.
     *
     * @param webp whether it is WebP (else the original's format)
     */
    public record Candidate(String url, int width, boolean webp) {}

    public ImageFacts {
        candidates = List.copyOf(candidates);
    }

    /** An image that is served as it is: its size known (or 0), no variants. */
    public static ImageFacts original(int width, int height, String src) {
        return new ImageFacts(width, height, src, List.of(), null);
    }

    /** An image that cannot be used, and why. */
    public static ImageFacts refused(String src, String problem) {
        return new ImageFacts(0, 0, src, List.of(), problem);
    }

    public boolean hasSize() {
        return width > 0 && height > 0;
    }

    /** The {@code srcset} of the original format's variants, or empty. */
    public String srcset() {
        return srcset(false);
    }

    /** The {@code srcset} of the WebP variants, or empty. */
    public String webpSrcset() {
        return srcset(true);
    }

    /** The variant for link previews (widest up to 1200 px, in the original format), or the image itself. */
    public Candidate preview() {
        Candidate best = null;
        for (Candidate candidate : candidates) {
            if (!candidate.webp() && (best == null || candidate.width() <= PREVIEW_WIDTH)) {
                best = candidate; // narrowest first: the last one that fits wins
            }
        }
        return best != null ? best : new Candidate(src, width, false);
    }

    /** The height of a variant this wide, keeping the aspect ratio. */
    public int heightAt(int variantWidth) {
        return width == 0 ? 0 : Math.max(1, (int) Math.round((double) height * variantWidth / width));
    }

    private String srcset(boolean webp) {
        return candidates.stream()
                .filter(c -> c.webp() == webp)
                .map(c -> c.url() + " " + c.width() + "w")
                .collect(Collectors.joining(", "));
    }
}
