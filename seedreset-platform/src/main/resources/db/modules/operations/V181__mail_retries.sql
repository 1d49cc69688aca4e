-- Delivery of production mail retries with a growing delay: a message that failed waits in 'pending'
-- until next_attempt_at (NULL: due at once) before its next attempt, and turns 'failed' after its last.
ALTER TABLE operations.mail ADD COLUMN next_attempt_at timestamptz;
DROP INDEX operations.mail_pending_idx;
CREATE INDEX mail_due_idx ON operations.mail (next_attempt_at NULLS FIRST, created_at) WHERE status = 'pending';
