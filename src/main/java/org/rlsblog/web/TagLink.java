package org.rlsblog.web;

/** A link to a tag page. */
public record TagLink(String url, String name) {}
