/**
 * The staff console: the pages sales engineers and customer success run demo, QA and sandbox
 * organizations from, served under {@code /console} by {@code seedreset serve}
 * ({@link io.seedreset.server.console.StaffConsole}, added with {@code SeedResetServer.routes}).
 *
 * <p>Server-rendered HTML built in Java ({@code Html}: templates written here, every value escaped), one
 * stylesheet and one small script from this module's resources, nothing from another host. Every action
 * goes through {@link io.seedreset.server.admin.StaffDesk}, as the admin API's do; this package adds the
 * browser's part: sessions, CSRF tokens, the typed confirmations, pages and notices.
 */
package io.seedreset.server.console;
