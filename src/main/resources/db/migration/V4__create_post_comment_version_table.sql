-- One row per post with comments: a counter bumped in the same transaction as every change to
-- the post's comments (insert, moderation, edit, delete). Caches of rendered pages compare it, so
-- every replica sees a change at once, deletions included (which MAX(updated_at) would miss).
CREATE TABLE post_comment_version (
    post_slug  VARCHAR(200) PRIMARY KEY,
    version    BIGINT       NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
