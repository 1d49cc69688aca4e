package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.sql.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The bank accounts, the lines of their statements (transactions) and the reconciliations that matched them to the books. */
public final class BankQueries {

    /**
     * A bank account.
     *
     * @param accountId        its cash account in the chart, and that account's code
     * @param balance          its opening balance plus its transactions
     * @param lastReconciledOn the latest statement date it was reconciled to, or null
     */
    public record BankAccount(UUID id, String name, String bankName, String accountLast4, UUID accountId, String accountCode, String currency,
                              LocalDate openingDate, BigDecimal openingBalance, BigDecimal balance, LocalDate lastReconciledOn,
                              Instant createdAt) {
    }

    /**
     * A line of a bank statement: positive in, negative out.
     *
     * @param paymentId        the payment it is, or null; entryId the entry of a line without a payment (a fee, interest, payroll)
     * @param reconciliationId the reconciliation that matched it, or null
     */
    public record BankTransaction(UUID id, UUID bankAccountId, LocalDate postedOn, String description, BigDecimal amount, UUID paymentId,
                                  UUID entryId, UUID reconciliationId, boolean reconciled, Instant createdAt) {
    }

    /** A statement matched against the books up to its date, and how many of the account's transactions it matched. */
    public record Reconciliation(UUID id, UUID bankAccountId, LocalDate statementDate, BigDecimal statementBalance, Instant reconciledAt,
                                 String reconciledBy, long transactions) {
    }

    /**
     * The filters of an account's transactions; each one left null is not applied.
     *
     * @param from posted on or after this day; {@code to} on or before that one
     */
    public record Filter(Boolean reconciled, LocalDate from, LocalDate to) {
    }

    private static final String ACCOUNT_COLUMNS = """
            b.id, b.name, b.bank_name, b.account_last4, b.account_id, a.code AS account_code, b.currency, b.opening_date,
            b.opening_balance, b.balance, r.last_reconciled_on, b.created_at""";
    private static final String ACCOUNT_FROM = """
            accounting.bank_accounts b
              JOIN accounting.accounts a ON a.org_id = b.org_id AND a.id = b.account_id
              LEFT JOIN LATERAL (SELECT max(statement_date) AS last_reconciled_on FROM accounting.reconciliations r
                                  WHERE r.org_id = b.org_id AND r.bank_account_id = b.id) r ON true""";

    private final DataSource dataSource;

    public BankQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The organization's bank accounts, by their cash account's code. */
    public Slice<BankAccount> accounts(Person person, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection ->
                new Select(ACCOUNT_COLUMNS, ACCOUNT_FROM, "b.org_id", books.organizationId()).page(connection, "a.code, b.id", offset, limit,
                        BankQueries::account));
    }

    /** The bank account's transactions matching the filter, newest first; empty when the organization has no such account. */
    public Optional<Slice<BankTransaction>> transactions(Person person, UUID bankAccountId, Filter filter, int offset, int limit)
            throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            if (!exists(connection, org, bankAccountId)) {
                return Optional.empty();
            }
            Select select = new Select("t.id, t.bank_account_id, t.posted_on, t.description, t.amount, t.payment_id, t.entry_id, "
                    + "t.reconciliation_id, t.created_at", "accounting.bank_transactions t", "t.org_id", org)
                    .where("t.bank_account_id = ?", bankAccountId);
            if (filter.reconciled() != null) {
                select.where(filter.reconciled() ? "t.reconciliation_id IS NOT NULL" : "t.reconciliation_id IS NULL");
            }
            if (filter.from() != null) {
                select.where("t.posted_on >= ?", filter.from());
            }
            if (filter.to() != null) {
                select.where("t.posted_on <= ?", filter.to());
            }
            return Optional.of(select.page(connection, "t.posted_on DESC, t.created_at DESC, t.id", offset, limit, rs -> {
                UUID reconciliation = rs.getObject("reconciliation_id", UUID.class);
                return new BankTransaction(rs.getObject("id", UUID.class), rs.getObject("bank_account_id", UUID.class),
                        rs.getObject("posted_on", LocalDate.class), rs.getString("description"), rs.getBigDecimal("amount"),
                        rs.getObject("payment_id", UUID.class), rs.getObject("entry_id", UUID.class), reconciliation, reconciliation != null,
                        Select.instant(rs, "created_at"));
            }));
        });
    }

    /** The bank account's reconciliations, latest statement first; empty when the organization has no such account. */
    public Optional<Slice<Reconciliation>> reconciliations(Person person, UUID bankAccountId, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            if (!exists(connection, org, bankAccountId)) {
                return Optional.empty();
            }
            return Optional.of(new Select("r.id, r.bank_account_id, r.statement_date, r.statement_balance, r.reconciled_at, r.reconciled_by, "
                    + "m.transactions", """
                    accounting.reconciliations r
                      LEFT JOIN LATERAL (SELECT count(*) AS transactions FROM accounting.bank_transactions t
                                          WHERE t.org_id = r.org_id AND t.reconciliation_id = r.id) m ON true""", "r.org_id", org)
                    .where("r.bank_account_id = ?", bankAccountId)
                    .page(connection, "r.statement_date DESC, r.id", offset, limit, rs -> new Reconciliation(rs.getObject("id", UUID.class),
                            rs.getObject("bank_account_id", UUID.class), rs.getObject("statement_date", LocalDate.class),
                            rs.getBigDecimal("statement_balance"), Select.instant(rs, "reconciled_at"), rs.getString("reconciled_by"),
                            rs.getLong("transactions"))));
        });
    }

    private static boolean exists(Connection connection, UUID organizationId, UUID bankAccountId) throws SQLException {
        return new Select("b.id", "accounting.bank_accounts b", "b.org_id", organizationId).where("b.id = ?", bankAccountId)
                .one(connection, rs -> true).isPresent();
    }

    private static BankAccount account(ResultSet rs) throws SQLException {
        return new BankAccount(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("bank_name"), rs.getString("account_last4"),
                rs.getObject("account_id", UUID.class), rs.getString("account_code"), rs.getString("currency"),
                rs.getObject("opening_date", LocalDate.class), rs.getBigDecimal("opening_balance"), rs.getBigDecimal("balance"),
                rs.getObject("last_reconciled_on", LocalDate.class), Select.instant(rs, "created_at"));
    }
}
