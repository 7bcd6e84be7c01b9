package org.rlsblog.web;

/** A link to another post (previous/next). */
public record PostLink(String url, String title) {}
