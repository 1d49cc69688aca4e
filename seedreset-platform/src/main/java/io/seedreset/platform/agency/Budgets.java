package io.seedreset.platform.agency;

import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.sql.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import static io.seedreset.platform.agency.TenantQuery.equal;
import static io.seedreset.platform.agency.TenantQuery.instant;
import static io.seedreset.platform.agency.TenantQuery.uuid;

/**
 * Production budgets (module {@code budget}), in the order they were drawn up, each priced line by line
 * from vendor quotes: a budget's total is the sum of its lines' amounts, and a line's amount its
 * quantity times its unit cost (the schema checks the second, the pack's rule the first).
 */
public final class Budgets {

    /** A budget's statuses (the table's CHECK constraint). */
    public static final List<String> STATUSES = List.of("draft", "submitted", "approved");

    /** A budget for one event, without its lines. */
    public record Budget(UUID id, UUID eventId, String name, String currency, String status, BigDecimal total, Instant createdAt) {
    }

    /** One vendor's item on a budget: {@code amount = quantity * unitCost}. */
    public record BudgetLine(UUID id, UUID vendorId, String category, String description, int quantity, BigDecimal unitCost,
                             BigDecimal amount) {
    }

    /** A budget and its lines, whose amounts add up to its total. */
    public record BudgetWithLines(UUID id, UUID eventId, String name, String currency, String status, BigDecimal total,
                                  Instant createdAt, List<BudgetLine> lines) {

        public BudgetWithLines {
            lines = List.copyOf(lines);
        }

        static BudgetWithLines of(Budget budget, List<BudgetLine> lines) {
            return new BudgetWithLines(budget.id(), budget.eventId(), budget.name(), budget.currency(), budget.status(), budget.total(),
                    budget.createdAt(), lines);
        }
    }

    private final DataSource dataSource;
    private final TenantQuery<Budget> budgets;
    private final TenantQuery<BudgetLine> lines;

    public Budgets(DataSource dataSource) {
        this.dataSource = dataSource;
        this.budgets = new TenantQuery<>(dataSource, "budget.budgets", "id, event_id, name, currency, status, total, created_at",
                "created_at, id",
                rs -> new Budget(uuid(rs, "id"), uuid(rs, "event_id"), rs.getString("name"), rs.getString("currency"),
                        rs.getString("status"), rs.getBigDecimal("total"), instant(rs, "created_at")));
        // A budget's lines keep no position of their own: the largest first reads as a budget is reviewed.
        this.lines = new TenantQuery<>(dataSource, "budget.budget_lines",
                "id, vendor_id, category, description, quantity, unit_cost, amount", "amount DESC, id",
                rs -> new BudgetLine(uuid(rs, "id"), uuid(rs, "vendor_id"), rs.getString("category"), rs.getString("description"),
                        rs.getInt("quantity"), rs.getBigDecimal("unit_cost"), rs.getBigDecimal("amount")));
    }

    /** The organization's budgets, filtered by status and event where they are not null. */
    public Slice<Budget> list(UUID organizationId, String status, UUID eventId, int offset, int limit) throws SQLException {
        return budgets.list(organizationId, offset, limit, equal("status", status), equal("event_id", eventId));
    }

    /** The budget with every line, read in one snapshot so that the lines add up to the total even while a pack is applied or torn down. */
    public Optional<BudgetWithLines> byId(UUID organizationId, UUID id) throws SQLException {
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            Optional<Budget> budget = budgets.byId(connection, organizationId, id);
            return budget.isEmpty() ? Optional.empty()
                    : Optional.of(BudgetWithLines.of(budget.get(), lines.all(connection, organizationId, equal("budget_id", id))));
        });
    }
}
