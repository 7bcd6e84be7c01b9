/**
 * Brings existing material in: the reader comments that ship with the site in
 * {@code content/comments/}, and WordPress exports ({@code import-wordpress}). Uses the public APIs of
 * {@code content} and {@code comments}.
 */
@NullMarked
package org.rlsblog.importer;

import org.jspecify.annotations.NullMarked;
