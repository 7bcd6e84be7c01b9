package org.rlsblog.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Tomcat hand an article with its comments (headers and body) to the socket in one write
 * instead of several of its default size. The buffer is held per open connection, so {@code
 * server.tomcat.max-connections} is bounded in application.properties to keep the worst case (all
 * connections open) small.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class TomcatTuning {

    static final int SOCKET_WRITE_BUFFER = 32 * 1024;

    @Bean
    TomcatConnectorCustomizer largerSocketWriteBuffer() {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER));
    }
}
