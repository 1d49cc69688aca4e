/**
 * The accounting module's routes ({@code /api/v1/accounting/...}): HTTP in front of
 * {@link io.seedreset.platform.accounting}, which decides who keeps the books, reads them and posts to them.
 */
package io.seedreset.server.accounting;
