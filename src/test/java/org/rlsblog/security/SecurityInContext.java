package org.rlsblog.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The site's own filter chain (CSRF, headers, the admin area) for a {@code @WebMvcTest}, which
 * otherwise gets Spring Boot's default chain. Use it with {@code @Import(SecurityInContext.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties(AdminProperties.class)
public class SecurityInContext {}
