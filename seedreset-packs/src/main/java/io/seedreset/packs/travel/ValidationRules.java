package io.seedreset.packs.travel;

import io.seedreset.pack.Invariant;
import java.util.List;

/**
 * What must hold of a company's books, checked by the engine over the whole organization before an
 * apply commits and by {@code validate}: the rules an accountant (and the platform's own workflows)
 * rely on. Each query returns one line per offending row, naming it. They are set-based (each table
 * scanned once for the organization, aggregated and joined by hash), so they stay fast on the largest
 * settings; rows people add through the platform are held to them too.
 */
final class ValidationRules {

    private ValidationRules() {
    }

    /** Debits and credits over the whole journal: if they differ, some entry does not balance. */
    static final Invariant TRIAL_BALANCE = new Invariant("trial-balance", """
            SELECT 'the trial balance is off by ' || (sum(debit) - sum(credit)) || ': debits ' || sum(debit)
                   || ', credits ' || sum(credit)
              FROM accounting.journal_lines
             WHERE org_id = :org
            HAVING sum(debit) <> sum(credit)
            """);

    static final Invariant ENTRIES_BALANCE = new Invariant("entries-balance", """
            SELECT 'entry ' || e.entry_number || ' debits ' || coalesce(sum(l.debit), 0) || ' and credits '
                   || coalesce(sum(l.credit), 0) || ' on ' || count(l.id) || ' line(s)'
              FROM accounting.journal_entries e
              LEFT JOIN accounting.journal_lines l ON l.org_id = e.org_id AND l.entry_id = e.id
             WHERE e.org_id = :org
             GROUP BY e.id, e.entry_number
            HAVING coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0) OR count(l.id) < 2
            """);

    /** The balance is the total less what payments allocated, and the status says the same (a draft or a void has nothing allocated). */
    static final Invariant INVOICE_BALANCES = new Invariant("invoice-balances", """
            SELECT 'invoice ' || i.invoice_number || ' (' || i.status || ') totals ' || i.total || ', has '
                   || coalesce(a.allocated, 0) || ' allocated and a balance of ' || i.balance
              FROM accounting.invoices i
              LEFT JOIN (SELECT invoice_id, sum(amount) AS allocated FROM accounting.payment_allocations
                          WHERE org_id = :org AND invoice_id IS NOT NULL GROUP BY invoice_id) a ON a.invoice_id = i.id
             WHERE i.org_id = :org
               AND (i.balance <> i.total - coalesce(a.allocated, 0)
                    OR (i.status = 'ISSUED' AND i.balance <> i.total)
                    OR (i.status = 'PARTIALLY_PAID' AND NOT (i.balance > 0 AND i.balance < i.total))
                    OR (i.status = 'PAID' AND i.balance <> 0)
                    OR (i.status IN ('DRAFT', 'VOID') AND a.allocated IS NOT NULL))
            """);

    static final Invariant BILL_BALANCES = new Invariant("bill-balances", """
            SELECT 'bill ' || b.bill_number || ' (' || b.status || ') totals ' || b.total || ', has '
                   || coalesce(a.allocated, 0) || ' allocated and a balance of ' || b.balance
              FROM accounting.bills b
              LEFT JOIN (SELECT bill_id, sum(amount) AS allocated FROM accounting.payment_allocations
                          WHERE org_id = :org AND bill_id IS NOT NULL GROUP BY bill_id) a ON a.bill_id = b.id
             WHERE b.org_id = :org
               AND (b.balance <> b.total - coalesce(a.allocated, 0)
                    OR (b.status = 'OPEN' AND b.balance <> b.total)
                    OR (b.status = 'PARTIALLY_PAID' AND NOT (b.balance > 0 AND b.balance < b.total))
                    OR (b.status = 'PAID' AND b.balance <> 0)
                    OR (b.status IN ('DRAFT', 'VOID') AND a.allocated IS NOT NULL))
            """);

    static final Invariant ALLOCATIONS_WITHIN_PAYMENTS = new Invariant("allocations-within-payments", """
            SELECT 'payment ' || p.payment_number || ' of ' || p.amount || ' allocates ' || sum(a.amount)
              FROM accounting.payments p
              JOIN accounting.payment_allocations a ON a.org_id = p.org_id AND a.payment_id = p.id
             WHERE p.org_id = :org
             GROUP BY p.id, p.payment_number, p.amount
            HAVING sum(a.amount) > p.amount
            """);

    /** Money received settles the payer's invoices, money sent the payee's bills; a refund settles nothing. */
    static final Invariant ALLOCATIONS_MATCH_DIRECTION = new Invariant("allocations-match-direction", """
            SELECT 'payment ' || p.payment_number || ' (' || p.direction || ') is allocated to '
                   || coalesce('invoice ' || i.invoice_number, 'bill ' || b.bill_number)
                   || CASE WHEN i.customer_id <> p.customer_id OR b.vendor_id <> p.vendor_id THEN ' of someone else' ELSE '' END
              FROM accounting.payment_allocations a
              JOIN accounting.payments p ON p.org_id = a.org_id AND p.id = a.payment_id
              LEFT JOIN accounting.invoices i ON i.org_id = a.org_id AND i.id = a.invoice_id
              LEFT JOIN accounting.bills b ON b.org_id = a.org_id AND b.id = a.bill_id
             WHERE a.org_id = :org
               AND NOT ((p.direction = 'RECEIVED' AND i.customer_id IS NOT DISTINCT FROM p.customer_id AND i.id IS NOT NULL)
                     OR (p.direction = 'SENT' AND b.vendor_id IS NOT DISTINCT FROM p.vendor_id AND b.id IS NOT NULL))
            """);

    /** Stock on hand after each day's movements, item by item: the first day it went below zero. */
    static final Invariant INVENTORY_NEVER_NEGATIVE = new Invariant("inventory-never-negative", """
            SELECT DISTINCT ON (it.sku) 'item ' || it.sku || ' has ' || m.on_hand || ' on hand after ' || m.moved_on
              FROM (SELECT item_id, moved_on, sum(sum(quantity)) OVER (PARTITION BY item_id ORDER BY moved_on) AS on_hand
                      FROM accounting.inventory_movements
                     WHERE org_id = :org
                     GROUP BY item_id, moved_on) m
              JOIN accounting.inventory_items it ON it.org_id = :org AND it.id = m.item_id
             WHERE m.on_hand < 0
             ORDER BY it.sku, m.moved_on
            """);

    static final Invariant INVENTORY_ON_HAND = new Invariant("inventory-on-hand", """
            SELECT 'item ' || it.sku || ' shows ' || it.quantity_on_hand || ' on hand but its movements add up to '
                   || coalesce(m.moved, 0)
              FROM accounting.inventory_items it
              LEFT JOIN (SELECT item_id, sum(quantity) AS moved FROM accounting.inventory_movements
                          WHERE org_id = :org GROUP BY item_id) m ON m.item_id = it.id
             WHERE it.org_id = :org AND it.quantity_on_hand <> coalesce(m.moved, 0)
            """);

    /** Once a period is closed nothing dated in it is posted: an entry recorded after the close rewrote closed books. */
    static final Invariant CLOSED_PERIODS = new Invariant("closed-periods", """
            SELECT 'entry ' || e.entry_number || ' dated ' || e.entry_date || ' in ' || p.name || ' was posted at '
                   || e.posted_at || ', after the period closed at ' || p.closed_at
              FROM accounting.journal_entries e
              JOIN accounting.periods p ON p.org_id = e.org_id AND e.entry_date BETWEEN p.starts_on AND p.ends_on
             WHERE e.org_id = :org AND p.status = 'CLOSED' AND e.posted_at > p.closed_at
            """);

    static final Invariant BANK_BALANCES = new Invariant("bank-balances", """
            SELECT 'bank account ' || b.name || ' shows ' || b.balance || ' but opened at ' || b.opening_balance
                   || ' and its transactions add up to ' || coalesce(t.moved, 0)
              FROM accounting.bank_accounts b
              LEFT JOIN (SELECT bank_account_id, sum(amount) AS moved FROM accounting.bank_transactions
                          WHERE org_id = :org GROUP BY bank_account_id) t ON t.bank_account_id = b.id
             WHERE b.org_id = :org AND b.balance <> b.opening_balance + coalesce(t.moved, 0)
            """);

    /**
     * A statement matches the lines reconciled to it: none dated after it or on another account, and
     * its closing balance is the opening balance plus every line reconciled to it or to an earlier statement.
     */
    static final Invariant RECONCILIATIONS_MATCH = new Invariant("reconciliations-match", """
            SELECT 'bank transaction ''' || t.description || ''' of ' || t.posted_on || ' is reconciled on the statement of '
                   || r.statement_date || CASE WHEN t.bank_account_id <> r.bank_account_id THEN ' of another account' ELSE '' END
              FROM accounting.bank_transactions t
              JOIN accounting.reconciliations r ON r.org_id = t.org_id AND r.id = t.reconciliation_id
             WHERE t.org_id = :org AND (t.posted_on > r.statement_date OR t.bank_account_id <> r.bank_account_id)
            UNION ALL
            SELECT 'the statement of ' || b.name || ' on ' || c.statement_date || ' closes at ' || c.statement_balance
                   || ' but the lines reconciled up to it add up to ' || (b.opening_balance + c.reconciled)
              FROM (SELECT r.bank_account_id, r.statement_date, r.statement_balance,
                           sum(coalesce(s.moved, 0)) OVER (PARTITION BY r.bank_account_id ORDER BY r.statement_date) AS reconciled
                      FROM accounting.reconciliations r
                      LEFT JOIN (SELECT reconciliation_id, sum(amount) AS moved FROM accounting.bank_transactions
                                  WHERE org_id = :org AND reconciliation_id IS NOT NULL GROUP BY reconciliation_id) s
                             ON s.reconciliation_id = r.id
                     WHERE r.org_id = :org) c
              JOIN accounting.bank_accounts b ON b.org_id = :org AND b.id = c.bank_account_id
             WHERE c.statement_balance <> b.opening_balance + c.reconciled
            """);

    /**
     * Each document's entry says what the document does (the posting conventions): an invoice debits
     * receivables its total and credits revenue its subtotal and sales tax its tax; a bill credits
     * payables its total; a payment moves its amount through its bank account's cash account and
     * settles receivables (what it allocated; the rest is a customer credit), payables or a customer
     * credit; a payroll run expenses the gross and owes the withholding; a stock issue takes its cost
     * off inventory; a bank line without a payment moves its amount on the bank's cash account.
     */
    static final Invariant DOCUMENT_ENTRIES = new Invariant("document-entries", """
            WITH l AS (
                SELECT l.entry_id, l.account_id, a.control, a.type, sum(l.debit) AS dr, sum(l.credit) AS cr
                  FROM accounting.journal_lines l
                  JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id
                 WHERE l.org_id = :org
                 GROUP BY l.entry_id, l.account_id, a.control, a.type),
            e AS (
                SELECT entry_id, sum(dr) AS dr,
                       coalesce(sum(dr - cr) FILTER (WHERE control = 'RECEIVABLES'), 0) AS receivables,
                       coalesce(sum(cr - dr) FILTER (WHERE control = 'PAYABLES'), 0) AS payables,
                       coalesce(sum(cr - dr) FILTER (WHERE control = 'SALES_TAX'), 0) AS sales_tax,
                       coalesce(sum(cr - dr) FILTER (WHERE control = 'CUSTOMER_CREDIT'), 0) AS customer_credit,
                       coalesce(sum(cr - dr) FILTER (WHERE control = 'PAYROLL_LIABILITIES'), 0) AS withheld,
                       coalesce(sum(cr - dr) FILTER (WHERE control = 'INVENTORY'), 0) AS inventory,
                       coalesce(sum(cr - dr) FILTER (WHERE type = 'REVENUE'), 0) AS revenue
                  FROM l
                 GROUP BY entry_id)
            SELECT 'invoice ' || i.invoice_number || ' totals ' || i.total || ' (tax ' || i.tax || ') but its entry debits receivables '
                   || e.receivables || ' and credits revenue ' || e.revenue || ' and sales tax ' || e.sales_tax
              FROM accounting.invoices i
              JOIN e ON e.entry_id = i.entry_id
             WHERE i.org_id = :org
               AND (e.receivables <> i.total OR e.revenue <> i.subtotal OR e.sales_tax <> i.tax OR e.dr <> i.total)
            UNION ALL
            SELECT 'bill ' || b.bill_number || ' totals ' || b.total || ' but its entry credits payables ' || e.payables
              FROM accounting.bills b
              JOIN e ON e.entry_id = b.entry_id
             WHERE b.org_id = :org AND (e.payables <> b.total OR e.dr <> b.total)
            UNION ALL
            SELECT 'payment ' || p.payment_number || ' (' || p.direction || ') of ' || p.amount
                   || ' but its entry moves ' || coalesce(cash.dr - cash.cr, 0) || ' through ' || ba.name
              FROM accounting.payments p
              JOIN accounting.bank_accounts ba ON ba.org_id = p.org_id AND ba.id = p.bank_account_id
              JOIN e ON e.entry_id = p.entry_id
              LEFT JOIN l cash ON cash.entry_id = p.entry_id AND cash.account_id = ba.account_id
              LEFT JOIN (SELECT payment_id, sum(amount) AS allocated FROM accounting.payment_allocations
                          WHERE org_id = :org GROUP BY payment_id) a ON a.payment_id = p.id
             WHERE p.org_id = :org
               AND (coalesce(cash.dr - cash.cr, 0) <> CASE WHEN p.direction = 'RECEIVED' THEN p.amount ELSE -p.amount END
                    OR e.dr <> p.amount
                    OR (p.direction = 'RECEIVED' AND (-e.receivables <> coalesce(a.allocated, 0)
                                                      OR e.customer_credit <> p.amount - coalesce(a.allocated, 0)))
                    OR (p.direction = 'SENT' AND -e.payables <> p.amount)
                    OR (p.direction = 'REFUND' AND -e.customer_credit <> p.amount))
            UNION ALL
            SELECT 'payroll run of ' || r.period_start || ' pays ' || r.gross || ' gross with ' || r.withholding
                   || ' withheld but its entry debits ' || e.dr || ' and owes ' || e.withheld
              FROM accounting.payroll_runs r
              JOIN e ON e.entry_id = r.entry_id
             WHERE r.org_id = :org AND (e.dr <> r.gross OR e.withheld <> r.withholding)
            UNION ALL
            SELECT 'stock issued by entry ' || j.entry_number || ' costs ' || m.cost || ' but the entry takes '
                   || e.inventory || ' off inventory'
              FROM (SELECT entry_id, sum(-quantity * unit_cost) AS cost FROM accounting.inventory_movements
                     WHERE org_id = :org AND entry_id IS NOT NULL GROUP BY entry_id) m
              JOIN e ON e.entry_id = m.entry_id
              JOIN accounting.journal_entries j ON j.org_id = :org AND j.id = m.entry_id
             WHERE e.inventory <> m.cost
            UNION ALL
            SELECT 'bank transaction ''' || t.description || ''' of ' || t.posted_on || ' for ' || t.amount
                   || ' but its entry moves ' || coalesce(cash.dr - cash.cr, 0) || ' through ' || ba.name
              FROM accounting.bank_transactions t
              JOIN accounting.bank_accounts ba ON ba.org_id = t.org_id AND ba.id = t.bank_account_id
              LEFT JOIN l cash ON cash.entry_id = t.entry_id AND cash.account_id = ba.account_id
             WHERE t.org_id = :org AND t.entry_id IS NOT NULL AND coalesce(cash.dr - cash.cr, 0) <> t.amount
            """);

    /**
     * Every payment shows on its bank account's statement exactly once, for its amount (in for money
     * received, out for money sent or refunded), on the day it was made or, for a card, a few days later.
     */
    static final Invariant PAYMENTS_ON_STATEMENTS = new Invariant("payments-on-statements", """
            SELECT 'payment ' || p.payment_number || ' (' || p.direction || ') of ' || p.amount || ' on ' || p.paid_on
                   || ' has ' || count(t.id) || ' bank transaction(s)'
                   || coalesce(' of ' || min(t.amount) || ' posted ' || min(t.posted_on), '')
              FROM accounting.payments p
              LEFT JOIN accounting.bank_transactions t ON t.org_id = p.org_id AND t.payment_id = p.id
             WHERE p.org_id = :org
             GROUP BY p.id, p.payment_number, p.direction, p.amount, p.paid_on, p.bank_account_id
            HAVING count(t.id) <> 1
                OR min(t.amount) <> CASE WHEN p.direction = 'RECEIVED' THEN p.amount ELSE -p.amount END
                OR min(t.posted_on) NOT BETWEEN p.paid_on AND p.paid_on + 3
                OR NOT bool_and(t.bank_account_id = p.bank_account_id)
            """);

    static final List<Invariant> ALL = List.of(TRIAL_BALANCE, ENTRIES_BALANCE, INVOICE_BALANCES, BILL_BALANCES,
            ALLOCATIONS_WITHIN_PAYMENTS, ALLOCATIONS_MATCH_DIRECTION, INVENTORY_NEVER_NEGATIVE, INVENTORY_ON_HAND, CLOSED_PERIODS,
            BANK_BALANCES, RECONCILIATIONS_MATCH, DOCUMENT_ENTRIES, PAYMENTS_ON_STATEMENTS);
}
