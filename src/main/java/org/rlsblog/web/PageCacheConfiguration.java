package org.rlsblog.web;

import java.time.Clock;
import org.rlsblog.comments.CommentService;
import org.rlsblog.content.PostCatalog;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Puts the page cache after Spring Security (it needs the request's CSRF token) and before MVC. */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    @Bean
    PageCacheFilter pageCacheFilter(
            PostCatalog catalog,
            CommentService comments,
            LocaleResolver localeResolver,
            Clock clock,
            SiteProperties site) {
        return new PageCacheFilter(
                catalog, comments, localeResolver, clock, site.pageCacheSize().toBytes());
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilterRegistration(PageCacheFilter filter) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        registration.setEnabled(filter != null);
        return registration;
    }
}
