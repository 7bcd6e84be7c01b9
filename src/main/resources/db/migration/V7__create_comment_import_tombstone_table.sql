-- The import keys of imported comments that were deleted since (by the moderator, or purged as
-- spam or trash). Existing comments (content/comments/*.yml) are imported at every start, and
-- without this a deleted one came back, approved, at the next start. Only the key is kept.
CREATE TABLE comment_import_tombstone (
    import_key VARCHAR(200) PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
