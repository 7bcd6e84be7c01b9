package org.rlsblog.web;

/** A link to a tag page. */
record TagLink(String url, String name) {}
