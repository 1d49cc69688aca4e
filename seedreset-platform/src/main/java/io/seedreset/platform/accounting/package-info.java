/**
 * The accounting module's behaviour behind the platform API (module {@code accounting}, schema {@code accounting}): a
 * small business's books kept by double entry, read and posted by the people who keep them.
 *
 * <p>Every read and workflow starts from the caller's {@link io.seedreset.platform.accounting.Bookkeeper}: one of the
 * organization's people ({@code identity.users}) with the role {@code owner} or {@code accountant}; anyone else is
 * refused ({@link io.seedreset.platform.workflow.WorkflowRefused}, forbidden). Both read everything; payroll is the
 * owner's alone. Every table is filtered by the caller's organization, so another organization's row is not found.
 *
 * <p>Reads: the chart with balances ({@link io.seedreset.platform.accounting.ChartQueries}), customers, invoices, bills,
 * payments, bank accounts and their transactions and reconciliations, employees and payroll runs, a page at a time.
 * Reports are summed from the journal and the documents' allocations, never from a stored balance
 * ({@link io.seedreset.platform.accounting.BookReports}, {@link io.seedreset.platform.accounting.AgingReports}).
 *
 * <p>Workflows post through one journal ({@code Journal}): every entry balances before a line is written, its date is
 * refused inside a closed period, and it is numbered in sequence with the books' entries. Accounts are found by code or
 * by control ({@code accounts.control}), never by an id known in advance. Each workflow is one transaction; a refusal
 * writes nothing.
 */
package io.seedreset.platform.accounting;
