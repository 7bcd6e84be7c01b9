/**
 * Images that posts and pages show: their sizes, resized and stripped variants made in the
 * background and kept by content hash, and serving them and the files of post bundles.
 */
@NullMarked
package org.rlsblog.images;

import org.jspecify.annotations.NullMarked;
