-- The flood limit and the single-use form token, held by constraints rather than by a check made
-- before the insert: comments sent at once passed such a check together and were all stored.
--
-- One row per client (the keyed hash of its address, as comment.client_hash) that commented
-- within the flood interval: a comment claims its client's row in its own transaction, so two
-- comments from one client take turns on the row and the second sees the first. Rows older than
-- the interval are deleted by the hourly purge.
CREATE TABLE comment_client (
    client_hash     VARCHAR(64) PRIMARY KEY,
    last_comment_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The comment form tokens that a stored comment has used (each form is sent once). The key leads
-- with the time the form was shown, so new rows go to the end of the index; rows older than a
-- form's lifetime are deleted by the hourly purge, as such tokens are refused anyway.
CREATE TABLE used_form_token (
    issued_at BIGINT                   NOT NULL,
    nonce     BIGINT                   NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT used_form_token_pk PRIMARY KEY (issued_at, nonce)
);
