package org.rlsblog.images;

import org.rlsblog.content.ContentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The variant store in the data folder, the background processor and the catalog content asks. */
@Configuration(proxyBeanMethods = false)
class ImagesConfiguration {

    static final String FOLDER = "images";

    @Bean
    ImageStore imageStore(ContentProperties content) {
        return new ImageStore(content.dataDir().resolve(FOLDER));
    }

    @Bean(destroyMethod = "close")
    ImageProcessor imageProcessor(ImageStore store, ImagesProperties properties) {
        return new ImageProcessor(store, new VariantMaker(properties.widths()), properties.threadCount());
    }

    @Bean
    ImageCatalog imageCatalog(ImagesProperties properties, ImageProcessor processor) {
        return new ImageCatalog(properties, processor);
    }
}
