-- A token speaks for its person as one application seeded them. A teardown followed by an apply with
-- the same seed brings the same person ids back; their tokens must not come back with them.
-- seeded_by is the application whose ledger held the person's row when the token was issued (null
-- for a person nobody seeded, such as a production organization's): once that application is removed
-- (torn down, replaced or reset), the token no longer answers. No foreign key: applications live in
-- the platform schema, whose tables carry no triggers but the guards.
ALTER TABLE identity.tokens ADD COLUMN seeded_by uuid;
