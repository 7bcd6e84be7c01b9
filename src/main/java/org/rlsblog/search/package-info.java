/**
 * Full-text search over the published posts (an in-memory Apache Lucene index, rebuilt when the
 * content changes) with English and Dutch stemming and highlighted snippets; related posts by
 * shared tags, then by text similarity. Public face: {@link org.rlsblog.search.SearchIndex}.
 */
@NullMarked
package org.rlsblog.search;

import org.jspecify.annotations.NullMarked;
