package org.rlsblog.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Loads the CSRF token before a page with a form starts rendering. Spring Security defers it until
 * the form asks, but by then a long page has already sent its headers, and the cookie (or session)
 * that keeps the token could no longer be set. Registered only for pages that carry forms.
 */
@Configuration(proxyBeanMethods = false)
class CsrfTokenEagerLoader implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LoadToken()).addPathPatterns("/posts/**", "/admin/**");
    }

    private static final class LoadToken implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            return true;
        }
    }
}
