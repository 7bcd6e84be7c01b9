package org.rlsblog.comments;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The comments package alone, for a {@code @JdbcTest} of it or of a feature that stores comments:
 * it depends on no other feature, so the store is all it needs. Use it with
 * {@code @Import(CommentsInContext.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = CommentService.class)
@EnableConfigurationProperties(CommentProperties.class)
public class CommentsInContext {}
