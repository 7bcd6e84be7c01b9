package org.rlsblog.desk;

import org.jspecify.annotations.Nullable;

/**
 * One post or page in the desk's list, prepared for the template.
 *
 * @param previewUrl the secret preview link of a draft or scheduled post, if it has a live one
 */
record PostRow(
        Item item, Dates dates, Counts comments, @Nullable String previewUrl) {

    /**
     * @param kind {@code post} or {@code page}
     * @param status {@code published}, {@code scheduled} or {@code draft}
     * @param url its address on the site once published
     */
    record Item(
            String kind, String slug, String title, String url, String status, String lang, String tags, String file) {

        public boolean published() {
            return status.equals("published");
        }

        public boolean canPreview() {
            return kind.equals("post") && !published();
        }
    }

    /** Dates as shown; empty when there is none. */
    record Dates(String published, String updated, String reviewed, String reviewedBy, String due, boolean overdue) {}

    record Counts(long approved, long pending) {}
}
