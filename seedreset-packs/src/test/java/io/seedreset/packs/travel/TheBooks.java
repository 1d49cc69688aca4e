package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ValidationResult;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the scenarios' tests ask of Demo Travel Co's books, in plain SQL on the tables: the figures a
 * report shows, computed independently of the packs' code.
 */
final class TheBooks {

    private final TravelTenant tenant;

    TheBooks(TravelTenant tenant) {
        this.tenant = tenant;
    }

    /** The single amount a query returns (0 when it returns null). */
    BigDecimal amount(String sql, Object... parameters) {
        Object value = tenant.rows(sql, parameters).get(0).values().iterator().next();
        return value == null ? BigDecimal.ZERO.setScale(2) : (BigDecimal) value;
    }

    /** The single instant a query returns. */
    Instant instant(String sql, Object... parameters) {
        return ((Timestamp) tenant.rows(sql, parameters).get(0).values().iterator().next()).toInstant();
    }

    /** Debits less credits on an account over the entries dated in [from, to]: a P&L line, or a balance's movement. */
    BigDecimal movement(String code, LocalDate from, LocalDate to) {
        return amount("""
                SELECT sum(l.debit - l.credit) FROM accounting.journal_lines l
                  JOIN accounting.journal_entries e ON e.id = l.entry_id JOIN accounting.accounts a ON a.id = l.account_id
                 WHERE a.code = ? AND e.entry_date BETWEEN ? AND ?""", code, from, to);
    }

    /** An account's balance (debits less credits) at the end of a day. */
    BigDecimal balance(String code, LocalDate on) {
        return movement(code, LocalDate.of(1900, 1, 1), on);
    }

    /** The Operating Account's balance as the bank account row shows it. */
    BigDecimal operatingBalance() {
        return amount("SELECT balance FROM accounting.bank_accounts WHERE name = 'Operating Account'");
    }

    /** What the open bills owe that falls due on or before a day (overdue ones included). */
    BigDecimal billsDueBy(LocalDate day) {
        return amount("SELECT sum(balance) FROM accounting.bills WHERE status IN ('OPEN', 'PARTIALLY_PAID') AND due_date <= ?", day);
    }

    /** What customers owe on invoices past their due date. */
    BigDecimal overdueReceivables(LocalDate today) {
        return amount("SELECT sum(balance) FROM accounting.invoices WHERE status IN ('ISSUED', 'PARTIALLY_PAID') AND due_date < ?", today);
    }

    /** {@code validate} passes, every rule of demo-travel-co having run and found nothing. */
    void assertValid() {
        ValidationResult validation = tenant.seedReset.validate(TravelTenant.ORG);
        assertThat(validation.rules()).filteredOn(rule -> rule.pack().equals(DemoTravelCoPack.ID))
                .hasSize(new DemoTravelCoPack().invariants().size())
                .allSatisfy(rule -> assertThat(rule.violations()).as(rule.name()).isEmpty());
        assertThat(validation.passed()).isTrue();
    }
}
