-- When the last mail asking the reader to confirm was sent: each approved comment that asked for
-- reply notifications sent another one while the address was unconfirmed, so anyone could have
-- the site mail an address again and again. Now at most one a day goes to an address. Until now
-- requested_at was set when such a mail was due, so it is the best guess for the rows there are.
ALTER TABLE reply_subscription ADD COLUMN confirmation_mailed_at TIMESTAMP WITH TIME ZONE;
UPDATE reply_subscription SET confirmation_mailed_at = requested_at WHERE confirmed_at IS NULL;
