-- The embedded store checks duplicates against the pairs it holds in memory (CommentKeys): it is
-- the only writer of its file. The index on the text's hash (V6) was filled in random order, and
-- rewriting one of its pages on every commit was the largest cost of storing a comment. PostgreSQL,
-- where several replicas write and the check asks the database, keeps it.
DROP INDEX IF EXISTS comment_post_body_hash_idx;
