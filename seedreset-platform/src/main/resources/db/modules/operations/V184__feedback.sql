-- What people say through POST /api/v1/feedback: stored first, in the request's transaction, then
-- forwarded to the configured webhook, retried with a growing delay while it fails ('pending' until
-- next_attempt_at, NULL: due at once), 'sent' once it answered 2xx, 'failed' after the last attempt.
-- Nothing is lost while the webhook is down, or when there is none.
CREATE TABLE operations.feedback (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES platform.organizations (id),
    persona_email   text        NOT NULL,
    message         text        NOT NULL CHECK (char_length(message) BETWEEN 1 AND 4000),
    page            text        CHECK (char_length(page) <= 2000),
    created_at      timestamptz NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    next_attempt_at timestamptz,
    sent_at         timestamptz
);
CREATE INDEX feedback_organization_idx ON operations.feedback (organization_id, created_at);
CREATE INDEX feedback_due_idx ON operations.feedback (next_attempt_at NULLS FIRST, created_at) WHERE status = 'pending';
