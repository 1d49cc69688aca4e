-- The audit names only operations the engine performs, like its outcomes: the application's role
-- may add entries (the audit is append-only, not private), and an operation no version of the
-- engine knows would make history unreadable as io.seedreset.api.AuditOperation. An operation
-- added to the engine extends this list in the migration that adds it.
ALTER TABLE platform.seed_audit
    ADD CONSTRAINT seed_audit_operation_known
    CHECK (operation IN ('init', 'plan', 'apply', 'teardown', 'reset', 'validate'));
