package org.rlsblog.content;

import java.util.List;
import java.util.Map;

/** The front matter's {@code toc}: whether an article shows its table of contents. */
enum TocMode {
    /** Shown from {@code blog.toc-min-headings} headings on. */
    AUTO,
    /** Shown whenever there is a heading. */
    ON,
    /** Never shown. */
    OFF;

    /** The values an author may write, lowercase. */
    static final Map<String, TocMode> CHOICES = Map.of("auto", AUTO, "on", ON, "true", ON, "off", OFF, "false", OFF);

    boolean shows(List<TocEntry> toc, int minHeadings) {
        return switch (this) {
            case AUTO -> toc.size() >= minHeadings;
            case ON -> !toc.isEmpty();
            case OFF -> false;
        };
    }
}
