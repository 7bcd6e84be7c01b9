package org.rlsblog.images;

import java.nio.file.Path;
import org.rlsblog.content.ContentImages;

/** The site's real image checks, for content tests that read a content folder outside Spring. */
public final class ImageChecks {

    private ImageChecks() {}

    /**
     * Reads headers and refuses what the site refuses, as the running site does; variants are made
     * on one background thread into {@code dataDir}.
     */
    public static ContentImages inDataFolder(Path dataDir) {
        ImagesProperties defaults = ImagesProperties.defaults();
        ImageProcessor processor = new ImageProcessor(
                new ImageStore(dataDir.resolve(ImagesConfiguration.FOLDER)), new VariantMaker(defaults.widths()), 1);
        return new ImageCatalog(defaults, processor);
    }
}
