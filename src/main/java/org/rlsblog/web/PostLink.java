package org.rlsblog.web;

/** A link to another post (previous/next). */
record PostLink(String url, String title) {}
