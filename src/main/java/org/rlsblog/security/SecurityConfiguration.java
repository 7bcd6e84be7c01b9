package org.rlsblog.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * One filter chain: public pages and the comment form are open, {@code /admin/**} needs the
 * ADMIN role (form login at {@code /admin/login}, attempts throttled per client, account and
 * site), CSRF stays on for every form (token in a cookie, so readers get no server session), and
 * every response carries a strict Content-Security-Policy (no inline script or style anywhere on the site). A refused
 * request goes to the one {@link AccessDeniedHandler} bean a feature provides, if any. Only in a web
 * application: one-off commands such as {@code import-wordpress} start without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String ONE_CLICK_UNSUBSCRIBE = "/subscriptions/unsubscribe/*";
    static final String NEWSLETTER_ONE_CLICK_UNSUBSCRIBE = "/newsletter/unsubscribe/*";
    static final String NEWSLETTER_SUBSCRIBE = "/subscribe";
    static final String LOGIN_PAGE = "/admin/login";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; "
            // a video player, loaded only after the reader clicks a video's poster
            + "frame-src https://www.youtube-nocookie.com https://player.vimeo.com";

    /** Sent on a reader's first visit from a link elsewhere, so that a form there still posts. */
    private static final String CSRF_COOKIE_SAME_SITE = "Lax";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AdminProperties admin,
            CsrfTokenRepository csrfTokens,
            XorCsrfTokenRequestAttributeHandler csrfMasking,
            ObjectProvider<AccessDeniedHandler> refusals,
            Clock clock)
            throws Exception {
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfMasking)
                        // One-click unsubscribe (RFC 8058): mail providers POST to the link in the
                        // List-Unsubscribe header without a token; the link's signed token is the
                        // permission, and it can only ever stop mails to the address it names.
                        // The newsletter's short form, in stored pages' footers, carries no token
                        // (stored pages hold one for the comment form only): it acts for nobody
                        // signed in, and only asks for a confirmation mail, limited per address.
                        .ignoringRequestMatchers(
                                ONE_CLICK_UNSUBSCRIBE, NEWSLETTER_ONE_CLICK_UNSUBSCRIBE, NEWSLETTER_SUBSCRIBE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
                .exceptionHandling(
                        denied -> denied.accessDeniedHandler(refusals.getIfAvailable(AccessDeniedHandlerImpl::new)))
                .requestCache(cache -> cache.disable());
        if (admin.enabled()) {
            LoginThrottleFilter throttle = new LoginThrottleFilter(new LoginThrottle(admin, clock));
            SimpleUrlAuthenticationSuccessHandler toQueue =
                    new SimpleUrlAuthenticationSuccessHandler("/admin/comments");
            toQueue.setAlwaysUseDefaultTargetUrl(true);
            http.authorizeHttpRequests(auth -> auth.requestMatchers(LOGIN_PAGE)
                            .permitAll()
                            .requestMatchers("/admin", "/admin/**")
                            .hasRole("ADMIN")
                            .anyRequest()
                            .permitAll())
                    .formLogin(form -> form.loginPage(LOGIN_PAGE)
                            .successHandler(throttle.succeeded(toQueue))
                            .failureHandler(loginFailed())
                            .permitAll())
                    .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                    .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
        } else {
            log.warn(
                    "The admin area (/admin) is switched off because no admin password is set. "
                            + "To switch it on, set the environment variable BLOG_ADMIN_PASSWORD (or blog.admin.password) "
                            + "and restart; log in as '{}' (blog.admin.username).",
                    admin.username());
            http.authorizeHttpRequests(auth -> auth.requestMatchers("/admin", "/admin/**")
                    .denyAll()
                    .anyRequest()
                    .permitAll());
        }
        return http.build();
    }

    /**
     * Back to the login page with {@code ?error}, without a session: the default handler keeps the
     * exception in a new session, which the page never reads, and every failed attempt (anyone's)
     * would leave a row in the sessions table for its whole timeout.
     */
    private static SimpleUrlAuthenticationFailureHandler loginFailed() {
        SimpleUrlAuthenticationFailureHandler handler =
                new SimpleUrlAuthenticationFailureHandler(LOGIN_PAGE + "?error");
        handler.setAllowSessionCreation(false);
        return handler;
    }

    /** The chain's protective headers also on error pages whose request the chain never let in. */
    @Bean
    FilterRegistrationBean<ErrorPageHeaders> errorPageHeaders() {
        FilterRegistrationBean<ErrorPageHeaders> registration = new FilterRegistrationBean<>(new ErrorPageHeaders());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        return registration;
    }

    /**
     * CSRF tokens in a cookie, so readers need no server session on any replica; shared with the
     * page cache, which hands them out for the pages it stores.
     */
    @Bean
    CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
        cookies.setCookieCustomizer(cookie -> cookie.sameSite(CSRF_COOKIE_SAME_SITE));
        return cookies;
    }

    /** Masks the token afresh on every page (BREACH); shared with the page cache too. */
    @Bean
    XorCsrfTokenRequestAttributeHandler csrfMasking() {
        return new XorCsrfTokenRequestAttributeHandler();
    }

    /**
     * No Spring Security observations: no timer around each filter of the chain, nor around
     * authentication and authorization, which would weigh on every request. A property that only
     * turns them into no-ops ({@code management.observations.enable.spring.security}) still leaves
     * the chain wrapped filter by filter. The request as a whole is still observed ({@code
     * http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Bcrypt, the hash {@link AdminProperties} keeps of the admin password. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return AdminProperties.PASSWORD_ENCODER;
    }

    /** The one admin user, with the bcrypt hash that {@link AdminProperties} kept of the password. */
    @Bean
    UserDetailsService adminUsers(AdminProperties admin) {
        String hash = admin.passwordHash();
        if (hash == null) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(hash)
                .roles("ADMIN")
                .build());
    }
}
