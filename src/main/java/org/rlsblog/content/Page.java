package org.rlsblog.content;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A stand-alone page from {@code content/pages/} (About, disclaimer, privacy), served at {@code /{slug}}. */
public record Page(
        String slug,
        String title,
        String summary,
        List<String> aliases,
        Locale lang,
        @Nullable ZonedDateTime updated,
        String html,
        List<TocEntry> toc,
        boolean showToc,
        Path source) {

    public Page {
        aliases = List.copyOf(aliases);
        toc = List.copyOf(toc);
    }

    static PageBuilder builder() {
        return new PageBuilder();
    }

    /** The folder of a bundle page ({@code about/index.md}), whose image and media files it serves; else null. */
    public @Nullable Path bundle() {
        return ImageContext.bundleOf(source);
    }

    public String url() {
        return "/" + slug;
    }
}
