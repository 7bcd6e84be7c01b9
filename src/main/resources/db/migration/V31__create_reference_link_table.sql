-- The last check of each web link cited in an article's references. broken_since is set by the
-- first failing check and cleared by the first good one, so a link that comes back leaves the
-- list; last_answer is what the other site said (or why it said nothing).
CREATE TABLE reference_link (
    url          VARCHAR(2000) PRIMARY KEY,
    checked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    broken_since TIMESTAMP WITH TIME ZONE,
    last_answer  VARCHAR(500) NOT NULL
);
