package org.rlsblog.web;

import org.jspecify.annotations.Nullable;

/** Links to the newer and older pages of a list; null where there is none. */
record Pagination(
        int page,
        int totalPages,
        @Nullable String newerUrl,
        @Nullable String olderUrl) {

    static Pagination of(String basePath, int page, int totalPages) {
        String newer = page > 1 ? pageUrl(basePath, page - 1) : null;
        String older = page < totalPages ? pageUrl(basePath, page + 1) : null;
        return new Pagination(page, totalPages, newer, older);
    }

    private static String pageUrl(String basePath, int page) {
        return page == 1 ? basePath : basePath + "?page=" + page;
    }

    public boolean isNeeded() {
        return totalPages > 1;
    }
}
