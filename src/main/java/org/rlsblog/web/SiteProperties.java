package org.rlsblog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the site says about itself.
 *
 * @param title the site's name, in the header and the browser tab
 * @param description one sentence about the site, for search engines and sharing
 * @param author the author's name, shown in the footer and as the default post author
 * @param pageSize posts per page on the home and tag pages
 * @param pageCacheSize memory for finished pages kept for readers; 0 turns the page cache off
 * @param maxRequestSize larger request bodies are refused with 413 (a 10,000-character comment fits easily)
 */
@Validated
@ConfigurationProperties("blog.site")
public record SiteProperties(
        @DefaultValue("Restless Legs & Liver") @NotBlank String title,

        @DefaultValue("Living with restless legs syndrome: experience, research and questions about RLS and the liver.")
        @NotBlank
        String description,

        @DefaultValue("The author") @NotBlank String author,
        @DefaultValue("10") @Min(1) @Max(100) int pageSize,
        @DefaultValue("256KB") DataSize maxRequestSize,
        @DefaultValue("32MB") DataSize pageCacheSize) {}
