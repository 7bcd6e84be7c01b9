package org.rlsblog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.search.SearchProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Language choice (browser first, then the reader's switch), the author's media files, and the
 * site's scripts under fingerprinted addresses (like the style sheets, see application.properties).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private static final Duration LANGUAGE_REMEMBERED_FOR = Duration.ofDays(365);
    /** A script's address changes with its content, so a browser may keep it as long as it likes. */
    private static final Duration SCRIPTS_KEPT_FOR = Duration.ofDays(365);
    /** A media file keeps its address when the author replaces it, so a browser asks again after a day. */
    private static final Duration MEDIA_KEPT_FOR = Duration.ofDays(1);

    /**
     * Right after the page cache, which answers a stored search without counting it, and before
     * Spring Security and MVC, whose cost a refused search must not pay.
     */
    private static final int SEARCH_GATE_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private final ContentProperties content;

    WebConfiguration(ContentProperties content) {
        this.content = content;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang") {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, SupportedLanguages.supportedOrEnglish(locale));
            }

            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return SupportedLanguages.supportedOrEnglish(super.resolveLocale(request));
            }
        };
        resolver.setDefaultLocaleFunction(SupportedLanguages::fromBrowser);
        resolver.setCookieMaxAge(LANGUAGE_REMEMBERED_FOR);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Bean
    FilterRegistrationBean<SearchGate> searchGate(
            SearchRateLimit rateLimit, SearchProperties search, RefusedSearchPages refusedPages) {
        SearchSlots slots = new SearchSlots(search.searchSlots(), search.timeLimit());
        FilterRegistrationBean<SearchGate> registration =
                new FilterRegistrationBean<>(new SearchGate(rateLimit, slots, refusedPages));
        registration.addUrlPatterns("/search");
        registration.setOrder(SEARCH_GATE_ORDER);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String media = content.contentDir()
                .toAbsolutePath()
                .normalize()
                .resolve("media")
                .toUri()
                .toString();
        registry.addResourceHandler("/media/**")
                .addResourceLocations(media.endsWith("/") ? media : media + "/")
                .setCacheControl(CacheControl.maxAge(MEDIA_KEPT_FOR).cachePublic());
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .setCacheControl(CacheControl.maxAge(SCRIPTS_KEPT_FOR).cachePublic())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
}
