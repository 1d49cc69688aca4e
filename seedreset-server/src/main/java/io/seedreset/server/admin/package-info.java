/**
 * What staff do to organizations, from the admin API ({@code /api/admin/v1}) and the console alike:
 * {@link io.seedreset.server.admin.StaffDesk} is the one place each action is done (the engine's
 * operations as the CLI runs them, behind the demos feature's block on production organizations, one
 * mutation per organization at a time, progress reported); {@link io.seedreset.server.admin.AdminApi}
 * translates it to HTTP.
 */
package io.seedreset.server.admin;
