package org.rlsblog.images;

import javax.imageio.ImageIO;
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
        // ImageIO finds its plug-ins (TwelveMonkeys, WebP) through the class loader of the thread
        // that first uses it; in the packaged jar a pool thread's sees none of them, so this
        // registers them from the start-up thread, whose class loader is the application's
        ImageIO.scanForPlugins();
        ImagesProperties.Worker worker = properties.worker();
        VariantRunner runner = worker.enabled()
                ? new VariantChildren(
                        VariantChildren.command(store.root(), properties.widths(), worker), worker.timeout())
                : VariantRunner.inProcess(new VariantMaker(properties.widths()), store);
        return new ImageProcessor(store, runner, properties.threadCount());
    }

    @Bean(destroyMethod = "close")
    ImageCatalog imageCatalog(ImagesProperties properties, ImageProcessor processor, ContentProperties content) {
        ImageIndex index = new ImageIndex(content.dataDir().resolve(FOLDER).resolve(INDEX), content.contentDir());
        return new ImageCatalog(properties, processor, index);
    }
}
