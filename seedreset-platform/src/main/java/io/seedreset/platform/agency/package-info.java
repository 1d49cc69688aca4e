/**
 * The agency modules' behaviour behind the platform API: reads of {@code suppliers}, {@code events},
 * {@code sales}, {@code budget}, {@code dispatch} and {@code spaces}, always within one organization, and
 * booking a space for an event ({@link io.seedreset.platform.agency.Reservations#book}).
 *
 * <p>Every read goes through {@code TenantQuery}, which puts the organization's condition first in every
 * statement, so a row of another organization is never read, whatever id a caller names. Lists come in a
 * stable order (a meaningful column, then the id), a page at a time ({@link io.seedreset.platform.sql.Slice}).
 * The values a filter may take are the schema's CHECK constraints' ({@code AllowedValuesTest} keeps them equal).
 */
package io.seedreset.platform.agency;
