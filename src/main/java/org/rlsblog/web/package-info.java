/**
 * The reader's pages other than the article: home, tags, archive, stand-alone pages and the search
 * page; the layout model, page metadata, language choice, error pages and old addresses that
 * answer 301. Depends on the feature packages, never the other way round.
 */
@NullMarked
package org.rlsblog.web;

import org.jspecify.annotations.NullMarked;
