package org.rlsblog.content;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The content package alone, for a slice ({@code @WebMvcTest}) of a feature that reads posts: it
 * depends on no other feature. Images are not described (no image package), so pages show the
 * originals. Use it with {@code @Import(ContentInContext.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PostCatalog.class)
@EnableConfigurationProperties({ContentProperties.class, ReviewProperties.class})
public class ContentInContext {

    @Bean
    ContentImages contentImages() {
        return ContentImages.NONE;
    }
}
