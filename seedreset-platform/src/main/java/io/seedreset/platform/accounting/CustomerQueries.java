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
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The customers the business invoices, by name, each with what their open invoices still owe. */
public final class CustomerQueries {

    /**
     * A customer.
     *
     * @param kind        one of {@link CustomerKind}
     * @param openBalance what the customer's issued and partly paid invoices still owe
     */
    public record Customer(UUID id, String name, String kind, String contactName, String email, String phone, String city, String state,
                           int paymentTermsDays, String currency, BigDecimal openBalance, Instant createdAt) {
    }

    private static final String COLUMNS = """
            c.id, c.name, c.kind, c.contact_name, c.email, c.phone, c.city, c.state, c.payment_terms_days, c.currency,
            coalesce(o.balance, 0) AS open_balance, c.created_at""";
    private static final String FROM = """
            accounting.customers c
              LEFT JOIN LATERAL (SELECT sum(i.balance) AS balance FROM accounting.invoices i
                                  WHERE i.org_id = c.org_id AND i.customer_id = c.id AND i.status IN ('ISSUED', 'PARTIALLY_PAID')) o ON true""";

    private final DataSource dataSource;

    public CustomerQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The organization's customers, by name.
     *
     * @param kind   only customers of this kind, when given
     * @param search only customers whose name contains this text, ignoring case, when given
     */
    public Slice<Customer> list(Person person, CustomerKind kind, String search, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        Select select = new Select(COLUMNS, FROM, "c.org_id", books.organizationId()).whereEquals("c.kind", kind);
        if (search != null && !search.isBlank()) {
            select.where("c.name ILIKE ? ESCAPE '\\'", "%" + search.strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ,
                connection -> select.page(connection, "c.name, c.id", offset, limit, CustomerQueries::customer));
    }

    /** The organization's customer with this id. */
    public Optional<Customer> find(Person person, UUID id) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        try (Connection connection = dataSource.getConnection()) {
            return new Select(COLUMNS, FROM, "c.org_id", books.organizationId()).where("c.id = ?", id).one(connection, CustomerQueries::customer);
        }
    }

    private static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"), rs.getString("contact_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("city"), rs.getString("state"), rs.getInt("payment_terms_days"),
                rs.getString("currency"), rs.getBigDecimal("open_balance").setScale(2), Select.instant(rs, "created_at"));
    }
}
