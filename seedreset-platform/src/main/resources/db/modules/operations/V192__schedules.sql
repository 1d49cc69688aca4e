-- Scheduled jobs (seedreset serve): a nightly reset or a credential rotation of a demo organization, and
-- jobs of the whole database. db-scheduler keeps each schedule as one row of its own table, below in its
-- PostgreSQL form: task_name is the job ('reset', 'rotate-credentials'), task_instance the organization's
-- id (or 'global'), task_data the schedule as set (its timing, the organization's slug and kind, who set
-- it). A server picks a due row by bumping its version, so several servers on one database run each due
-- job once. Not a tenant table (no org_id): a reset must never remove the schedule that runs it.
CREATE TABLE operations.scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON operations.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON operations.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON operations.scheduled_tasks (priority DESC, execution_time ASC);

-- Every attempt of a scheduled job, failed ones included: what 'schedule list' shows as the last result.
-- db-scheduler's own columns keep only times, and a run-now clears them; this keeps the message. No
-- organization (NULL) for a global job.
CREATE TABLE operations.schedule_runs (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job             text        NOT NULL,
    organization_id uuid        REFERENCES platform.organizations (id),
    attempt         int         NOT NULL CHECK (attempt >= 1),
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
    message         text        NOT NULL,
    scheduler       text        NOT NULL
);
CREATE INDEX schedule_runs_organization_job_idx ON operations.schedule_runs (organization_id, job, id);
