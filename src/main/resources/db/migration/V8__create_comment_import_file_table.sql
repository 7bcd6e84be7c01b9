-- The content/comments/*.yml files imported whole, by the SHA-256 of their bytes. They are
-- imported at every start; an unchanged file is now skipped instead of parsed again (5,473
-- comments took 1.3 s of every start to parse and look up, with nothing to add).
CREATE TABLE comment_import_file (
    sha256      VARCHAR(64) PRIMARY KEY,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
