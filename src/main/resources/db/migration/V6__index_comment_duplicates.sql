-- The duplicate check (same post, same text) on every submitted comment: without this index it
-- read every comment of the same e-mail address or post, and slowed down as comments piled up.
CREATE INDEX comment_post_body_hash_idx ON comment (post_slug, body_hash);
