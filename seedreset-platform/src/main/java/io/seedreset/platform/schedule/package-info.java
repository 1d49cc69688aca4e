/**
 * Scheduled jobs per organization (module {@code operations}): a nightly reset, a monthly rotation of the
 * personas' API tokens, run by {@code seedreset serve} on db-scheduler, once among the servers on one
 * database, retried when they fail, every attempt recorded. A production organization is refused, and
 * audited, when a schedule is set or run.
 */
package io.seedreset.platform.schedule;
