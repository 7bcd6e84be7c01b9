package org.rlsblog.pagecache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.rlsblog.comments.CommentService;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.web.SiteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts the page cache in front of every other filter, with the same CSRF token store and masking
 * as Spring Security's CSRF filter. Stored answers are timed by the cache itself ({@code
 * blog.pages.stored}), as the request observation never sees them; pages it has to make pass
 * through the whole chain and are observed as usual.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageCacheConfiguration {

    /**
     * First: in front of the request observation ({@code HIGHEST_PRECEDENCE + 1}), whose cost
     * would otherwise weigh on every stored page.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    PageStore pageStore(PostCatalog catalog, CommentService comments, Clock clock, SiteProperties site) {
        return new PageStore(catalog, comments, clock, site.pageCacheSize().toBytes());
    }

    @Bean
    PageCacheFilter pageCacheFilter(
            PageStore store,
            PostCatalog catalog,
            CommentService comments,
            LocaleResolver localeResolver,
            CsrfTokenRepository csrfTokens,
            XorCsrfTokenRequestAttributeHandler csrfMasking,
            Clock clock,
            ObjectProvider<HttpFirewall> firewall,
            ObjectProvider<MeterRegistry> meters) {
        AnswerTokens tokens = new AnswerTokens(csrfTokens, csrfMasking, comments);
        return new PageCacheFilter(
                store,
                new StoredPageWriter(tokens),
                new PageRecorder(catalog, comments, store, clock),
                localeResolver,
                // the one Spring Security's filter chain uses: its own default unless the site defines one
                firewall.getIfAvailable(StrictHttpFirewall::new),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilterRegistration(PageCacheFilter filter, SiteProperties site) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        // a size of 0 switches the cache off: every page is made afresh, as if it did not exist
        registration.setEnabled(site.pageCacheSize().toBytes() > 0);
        return registration;
    }
}
