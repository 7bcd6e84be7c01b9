package org.rlsblog.importer;

/** The comment store's column sizes (the {@code comment} table), which an imported comment has to fit. */
final class CommentColumns {

    static final int IMPORT_KEY = 200;
    static final int POST_SLUG = 200;
    static final int PARENT_KEY = IMPORT_KEY;
    static final int AUTHOR_NAME = 100;
    static final int AUTHOR_EMAIL = 254;
    static final int AUTHOR_URL = 200;
    static final int BODY = 20_000;

    private CommentColumns() {}
}
