package org.rlsblog.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The images of one rendering of one file: where its links lead, which image comes first, and
 * the problems found (no alt text, a missing or refused file), each with its line.
 */
final class ImageContext {

    /** Alt text that marks an image as decorative: it gets {@code alt=""} and no warning. */
    static final String DECORATIVE = "-";

    private final Path root;
    private final Path file;
    private final @Nullable Path bundle;
    private final String url;
    private final ContentImages images;
    private final int bodyLine;
    private final boolean headerFirst;
    private final List<ContentProblem> problems = new ArrayList<>();
    private int seen;

    /**
     * @param url the address of the file's page, under which a bundle's files are served
     * @param bodyLine the file's line on which the Markdown body starts
     * @param headerFirst whether a header image comes before the body, so that no body image is first
     */
    ImageContext(Path root, Path file, String url, ContentImages images, int bodyLine, boolean headerFirst) {
        this.root = root;
        this.file = file;
        this.bundle = bundleOf(file);
        this.url = url;
        this.images = images;
        this.bodyLine = bodyLine;
        this.headerFirst = headerFirst;
    }

    /** The folder of a bundle ({@code folder/index.md}), or null for a single file. */
    static @Nullable Path bundleOf(Path file) {
        String name = file.getFileName().toString();
        return name.equals("index.md") || name.equals("index.markdown") ? file.getParent() : null;
    }

    /**
     * The markup of an image in the body.
     *
     * @param line the 0-based line in the body
     * @param captioned whether the title is shown as a caption (and so not as a tooltip)
     */
    String html(String link, String alt, @Nullable String title, int line, boolean captioned) {
        int fileLine = bodyLine + line;
        if (alt.isBlank()) {
            problem(
                    fileLine,
                    "the image '" + link + "' has no alt text: describe it for readers who cannot see it, "
                            + "or write ![" + DECORATIVE + "](" + link + ") if it is only decoration");
        }
        boolean first = !headerFirst && seen++ == 0;
        ImageFacts facts = facts(link, fileLine);
        return ImageHtml.of(
                facts, alt.equals(DECORATIVE) ? "" : alt, captioned ? null : title, first, ImageHtml.ARTICLE_SIZES);
    }

    /** What a front-matter {@code image} shows, or null when it cannot be shown (the problem is noted). */
    @Nullable
    ImageFacts header(String link, int line) {
        int before = problems.size();
        ImageFacts facts = facts(link, line);
        return problems.size() == before ? facts : null;
    }

    List<ContentProblem> problems() {
        return List.copyOf(problems);
    }

    private ImageFacts facts(String link, int fileLine) {
        ImageLinks.Target target = ImageLinks.resolve(root, bundle, url, link);
        if (target.problem() != null) {
            problem(fileLine, target.problem());
            return ImageFacts.original(0, 0, link);
        }
        if (!target.isRaster()) {
            return ImageFacts.original(0, 0, target.url());
        }
        ImageFacts facts;
        try {
            facts = images.describe(target.file(), target.url());
        } catch (RuntimeException e) {
            facts = ImageFacts.refused(target.url(), "the image could not be read: " + e);
        }
        if (facts.problem() != null) {
            problem(fileLine, root.relativize(target.file()) + ": " + facts.problem());
            return ImageFacts.original(0, 0, target.url());
        }
        return facts;
    }

    private void problem(int line, String message) {
        problems.add(new ContentProblem(file, line, message));
    }
}
