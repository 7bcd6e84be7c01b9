package org.rlsblog.pagecache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.rlsblog.comments.CommentService;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.security.CookieCsrfTokens;
import org.rlsblog.web.SiteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts the page cache in front of every other filter (a stored page costs neither Spring
 * Security, nor the request observation, nor MVC), with the same CSRF token store and masking as
 * Spring Security's CSRF filter. Stored answers are timed by the cache itself ({@code
 * blog.pages.stored}), as the request observation never sees them; pages it has to make pass
 * through the whole chain and are observed as usual.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageCacheConfiguration {

    /**
     * First: in front of the request observation ({@code HIGHEST_PRECEDENCE + 1}), which measured
     * here costs as much per stored page as everything else the server does for it.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    PageCacheFilter pageCacheFilter(
            PostCatalog catalog,
            CommentService comments,
            LocaleResolver localeResolver,
            CookieCsrfTokens csrfTokens,
            XorCsrfTokenRequestAttributeHandler csrfMasking,
            Clock clock,
            SiteProperties site,
            ObjectProvider<MeterRegistry> meters) {
        return new PageCacheFilter(
                catalog,
                comments,
                localeResolver,
                csrfTokens,
                csrfMasking,
                clock,
                site.pageCacheSize().toBytes(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilterRegistration(PageCacheFilter filter) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        registration.setEnabled(filter != null);
        return registration;
    }
}
