/**
 * Reader-facing pages that combine posts and comments, the layout model, language choice, error
 * pages, aliases and security. Depends on the feature packages, never the other way round.
 */
package org.rlsblog.web;
