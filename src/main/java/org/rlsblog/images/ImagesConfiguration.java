package org.rlsblog.images;

import org.rlsblog.content.ContentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The variant store in the data folder, the background processor and the catalog content asks. */
@Configuration(proxyBeanMethods = false)
class ImagesConfiguration {

    static final String FOLDER = "images";
    /** Beside the variant folders, whose names are two hex digits. */
    static final String INDEX = "index.tsv";

    @Bean
    ImageStore imageStore(ContentProperties content) {
        return new ImageStore(content.dataDir().resolve(FOLDER));
    }

    @Bean(destroyMethod = "close")
    ImageProcessor imageProcessor(ImageStore store, ImagesProperties properties) {
        return new ImageProcessor(store, new VariantMaker(properties.widths()), properties.threadCount());
    }

    @Bean(destroyMethod = "close")
    ImageCatalog imageCatalog(ImagesProperties properties, ImageProcessor processor, ContentProperties content) {
        ImageIndex index = new ImageIndex(content.dataDir().resolve(FOLDER).resolve(INDEX), content.contentDir());
        return new ImageCatalog(properties, processor, index);
    }
}
