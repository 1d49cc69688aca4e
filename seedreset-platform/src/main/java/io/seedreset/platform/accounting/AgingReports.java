package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Aged receivables and payables as of a day: every invoice (bill) issued by then and not a draft or void, with what was
 * still owed on it that day (its total less the allocations dated up to it, whatever the balance says today), grouped
 * by customer (supplier) and sorted into buckets by how many days past due it was.
 */
public final class AgingReports {

    /** Open invoices as of {@code asOf}, by customer name. */
    public record AgedReceivables(LocalDate asOf, String currency, List<CustomerAging> customers, AgingBuckets totals) {
    }

    /** One customer's open invoices, soonest due first, and their sums by bucket. */
    public record CustomerAging(UUID customerId, String name, AgingBuckets buckets, List<AgedDocument> invoices) {
    }

    /** Open bills as of {@code asOf}, by supplier name. */
    public record AgedPayables(LocalDate asOf, String currency, List<VendorAging> vendors, AgingBuckets totals) {
    }

    /** One supplier's open bills, soonest due first, and their sums by bucket. */
    public record VendorAging(UUID vendorId, String name, AgingBuckets buckets, List<AgedDocument> bills) {
    }

    /**
     * An open invoice or bill on the day.
     *
     * @param balance     what was still owed on it that day
     * @param daysPastDue days from its due date to the day (0 or below: not yet due)
     * @param bucket      current, 1-30, 31-60, 61-90 or 90+
     */
    public record AgedDocument(UUID id, String number, LocalDate issueDate, LocalDate dueDate, BigDecimal total, BigDecimal balance,
                               long daysPastDue, String bucket) {
    }

    /** What is owed, by days past due: not yet due (current), 1-30, 31-60, 61-90, over 90; and all of it. */
    public record AgingBuckets(BigDecimal current, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90,
                               BigDecimal total) {
    }

    /** The buckets, in the order AgingBuckets has them, as an AgedDocument names them. */
    enum Bucket {
        CURRENT("current"), DAYS_1_TO_30("1-30"), DAYS_31_TO_60("31-60"), DAYS_61_TO_90("61-90"), OVER_90("90+");

        final String label;

        Bucket(String label) {
            this.label = label;
        }

        static Bucket of(long daysPastDue) {
            if (daysPastDue <= 0) {
                return CURRENT;
            }
            return daysPastDue <= 30 ? DAYS_1_TO_30 : daysPastDue <= 60 ? DAYS_31_TO_60 : daysPastDue <= 90 ? DAYS_61_TO_90 : OVER_90;
        }
    }

    /** A party owed or owing (a customer, a supplier) and its open documents. */
    private record Party(UUID id, String name, List<AgedDocument> documents) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public AgingReports(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Aged receivables as of the end of {@code asOf} (null: today). */
    public AgedReceivables receivables(Person person, LocalDate asOf) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        LocalDate day = asOf == null ? Today.of(dataSource, clock, person.organizationId()) : asOf;
        return aged(books, day, """
                SELECT d.id, d.invoice_number AS number, d.customer_id AS party_id, p.name AS party_name, d.issue_date, d.due_date, d.total,
                       d.total - coalesce((SELECT sum(pa.amount) FROM accounting.payment_allocations pa
                                            WHERE pa.org_id = d.org_id AND pa.invoice_id = d.id AND pa.allocated_on <= ?), 0) AS balance
                  FROM accounting.invoices d JOIN accounting.customers p ON p.org_id = d.org_id AND p.id = d.customer_id
                 WHERE d.org_id = ? AND d.status NOT IN ('DRAFT', 'VOID') AND d.issue_date <= ?""",
                (parties, currency) -> new AgedReceivables(day, currency, parties.stream()
                        .map(p -> new CustomerAging(p.id(), p.name(), buckets(p.documents()), p.documents())).toList(), buckets(all(parties))));
    }

    /** Aged payables as of the end of {@code asOf} (null: today). */
    public AgedPayables payables(Person person, LocalDate asOf) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        LocalDate day = asOf == null ? Today.of(dataSource, clock, person.organizationId()) : asOf;
        return aged(books, day, """
                SELECT d.id, d.bill_number AS number, d.vendor_id AS party_id, p.name AS party_name, d.issue_date, d.due_date, d.total,
                       d.total - coalesce((SELECT sum(pa.amount) FROM accounting.payment_allocations pa
                                            WHERE pa.org_id = d.org_id AND pa.bill_id = d.id AND pa.allocated_on <= ?), 0) AS balance
                  FROM accounting.bills d JOIN suppliers.vendors p ON p.org_id = d.org_id AND p.id = d.vendor_id
                 WHERE d.org_id = ? AND d.status NOT IN ('DRAFT', 'VOID') AND d.issue_date <= ?""",
                (parties, currency) -> new AgedPayables(day, currency, parties.stream()
                        .map(p -> new VendorAging(p.id(), p.name(), buckets(p.documents()), p.documents())).toList(), buckets(all(parties))));
    }

    /** Makes a report of the parties with open documents, in order, and the books' currency. */
    @FunctionalInterface
    private interface Report<T> {
        T of(List<Party> parties, String currency);
    }

    /** The open documents the query reads (its ? are: the day, the organization, the day), by party name, soonest due first. */
    private <T> T aged(Bookkeeper books, LocalDate day, String documents, Report<T> report) throws SQLException {
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            Map<UUID, Party> parties = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM (" + documents + ") open WHERE balance > 0"
                    + " ORDER BY party_name, party_id, due_date, number, id")) {
                statement.setObject(1, day);
                statement.setObject(2, books.organizationId());
                statement.setObject(3, day);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LocalDate due = rs.getObject("due_date", LocalDate.class);
                        long daysPastDue = ChronoUnit.DAYS.between(due, day);
                        UUID partyId = rs.getObject("party_id", UUID.class);
                        Party party = parties.get(partyId);
                        if (party == null) {
                            party = new Party(partyId, rs.getString("party_name"), new ArrayList<>());
                            parties.put(partyId, party);
                        }
                        party.documents().add(new AgedDocument(rs.getObject("id", UUID.class), rs.getString("number"),
                                rs.getObject("issue_date", LocalDate.class), due, rs.getBigDecimal("total"), rs.getBigDecimal("balance"),
                                daysPastDue, Bucket.of(daysPastDue).label));
                    }
                }
            }
            List<Party> open = parties.values().stream().map(p -> new Party(p.id(), p.name(), List.copyOf(p.documents()))).toList();
            return report.of(open, Chart.currency(connection, books.organizationId()));
        });
    }

    private static List<AgedDocument> all(List<Party> parties) {
        return parties.stream().flatMap(p -> p.documents().stream()).toList();
    }

    /** The documents' balances summed by bucket. */
    private static AgingBuckets buckets(List<AgedDocument> documents) {
        BigDecimal[] sums = {Amounts.ZERO, Amounts.ZERO, Amounts.ZERO, Amounts.ZERO, Amounts.ZERO};
        for (AgedDocument document : documents) {
            int bucket = Bucket.of(document.daysPastDue()).ordinal();
            sums[bucket] = sums[bucket].add(document.balance());
        }
        return new AgingBuckets(sums[0], sums[1], sums[2], sums[3], sums[4], Arrays.stream(sums).reduce(Amounts.ZERO, BigDecimal::add));
    }
}
