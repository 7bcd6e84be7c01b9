package org.rlsblog.newsletter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Whether pages offer the newsletter, for a {@code @WebMvcTest} of a page in the layout: the
 * footer asks on every page. Needs a {@code Notifications} bean (a mock says no mail is set up).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(NewsletterSwitch.class)
@EnableConfigurationProperties(NewsletterProperties.class)
public class NewsletterSwitchInContext {}
