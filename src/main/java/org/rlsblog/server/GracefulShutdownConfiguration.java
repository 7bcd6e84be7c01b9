package org.rlsblog.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Spring Boot's graceful shutdown lose no request: Tomcat runs {@link
 * GracefulHttp11NioProtocol}, and the keep-alive connections are emptied before the pause ({@link
 * KeepAliveDrain}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class GracefulShutdownConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionsEndCleanlyOnShutdown() {
        return factory -> factory.setProtocol(GracefulHttp11NioProtocol.class.getName());
    }

    @Bean
    KeepAliveDrain keepAliveDrain() {
        return new KeepAliveDrain();
    }
}
