/**
 * The ticketing module's behaviour behind the platform API (module {@code ticketing}, schema
 * {@code ticketing}): what each of its accounts may read, and the reads themselves.
 *
 * <p>Every read starts from the caller's {@link io.seedreset.platform.ticketing.TicketingAccount} (its
 * role and, for staff, its company) and filters every table by the caller's organization: another
 * organization's row, a missing row and a row the caller may not see are all simply not found. A role
 * that may not read a kind of row at all is refused with {@link io.seedreset.platform.ticketing.NotPermitted}.
 * Plain JDBC, one connection per read.
 */
package io.seedreset.platform.ticketing;
