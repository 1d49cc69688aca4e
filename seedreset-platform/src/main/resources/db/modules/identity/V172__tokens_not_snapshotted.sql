-- Tokens are credentials, not demo data: a snapshot leaves them out (their ids are unique across
-- organizations, so they could not be restored into another one anyway), and a restore or reset
-- deletes them; the front end issues the personas new ones.
INSERT INTO platform.snapshot_exclusions (table_name, reason)
VALUES ('identity.tokens', 'credentials: a restore or a reset issues new ones');
