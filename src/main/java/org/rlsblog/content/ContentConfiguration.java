package org.rlsblog.content;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The renderings kept between starts, for the build that is running. */
@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

    @Bean
    RenderCache renderCache(ContentProperties properties, ObjectProvider<BuildProperties> build) {
        return RenderCache.forBuild(properties.dataDir(), properties.renderSeedDir(), build.getIfAvailable());
    }
}
