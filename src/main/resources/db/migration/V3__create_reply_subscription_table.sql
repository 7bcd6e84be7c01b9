-- Readers who asked to be told by e-mail about replies to their comments (double opt-in).
-- A row exists once an approved comment asked for it; confirmed_at is set by the link in the
-- confirmation mail; unsubscribed_at by the one-click unsubscribe link.
CREATE TABLE reply_subscription (
    email           VARCHAR(254) PRIMARY KEY,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    unsubscribed_at TIMESTAMP WITH TIME ZONE
);
