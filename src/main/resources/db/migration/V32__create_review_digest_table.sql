-- One row per week whose digest mail to the author was claimed: the row is written before the
-- mail is sent, so that with several replicas, or after a restart, the week's mail goes once.
CREATE TABLE review_digest (
    week    VARCHAR(10) PRIMARY KEY,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL
);
