-- The secret preview link of a draft or scheduled post: one live token per post. A new token
-- replaces the old one (revoking it); spent_at is set once the post is published, after which
-- the link only ever leads to the post.
CREATE TABLE preview_token (
    post_slug  VARCHAR(200) PRIMARY KEY,
    token      VARCHAR(64)  NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at   TIMESTAMP WITH TIME ZONE
);
