package org.rlsblog.server;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses itself get the site's error page ({@link SiteErrorReportValve}). The valve
 * goes in when the site's context starts: by then the host holds every error report valve it will
 * have (Tomcat's own and Spring Boot's), and this one replaces them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ErrorReportConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> siteErrorPageForRefusedRequests() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                SiteErrorReportValve.install(host);
            }
        }));
    }
}
