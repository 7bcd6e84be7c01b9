-- Secrets shared by every replica (keys for hashing client addresses and signing links),
-- made on first start so that nothing secret is ever committed or has to be configured.
CREATE TABLE site_secret (
    name       VARCHAR(50)  PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
