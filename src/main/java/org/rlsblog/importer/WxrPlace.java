package org.rlsblog.importer;

import javax.xml.stream.Location;
import org.jspecify.annotations.Nullable;

/** Where reading an export has got to (the file, and the item being read), so every problem names its place. */
final class WxrPlace {

    private final String source;
    private @Nullable String item;

    WxrPlace(String source) {
        this.source = source;
    }

    /** The item being read, as a message names it; null between items. */
    void item(@Nullable String item) {
        this.item = item;
    }

    WxrFormatException error(@Nullable Location where, String problem) {
        String place = where == null
                ? source
                : source + ", line " + where.getLineNumber() + ", column " + where.getColumnNumber();
        return new WxrFormatException(place + (item == null ? "" : ", in " + item) + ": " + problem);
    }
}
