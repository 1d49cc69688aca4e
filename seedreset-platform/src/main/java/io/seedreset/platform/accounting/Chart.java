package io.seedreset.platform.accounting;

import io.seedreset.platform.workflow.WorkflowRefused;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts the workflows post to, found as the organization's chart names them: by code (4000, 6000) or by
 * control ({@code accounts.control}: RECEIVABLES, SALES_TAX, CUSTOMER_CREDIT, ...), never by an id known in advance.
 */
final class Chart {

    /** An account of the chart, as a workflow posts to it. */
    record ChartAccount(UUID id, String code, String name, String type, String currency, boolean active) {
    }

    private static final String COLUMNS = "SELECT id, code, name, type, currency, active FROM accounting.accounts WHERE org_id = ? AND ";

    private Chart() {
    }

    /** The account with this code, if the chart has it. */
    static Optional<ChartAccount> byCode(Connection connection, UUID organizationId, String code) throws SQLException {
        return one(connection, COLUMNS + "code = ?", organizationId, code);
    }

    /**
     * The account with this code, which a workflow needs to post at all.
     *
     * @throws WorkflowRefused conflict {@code account_missing} when the chart has no such account
     */
    static ChartAccount required(Connection connection, UUID organizationId, String code, String toDoWhat) throws SQLException {
        return byCode(connection, organizationId, code).orElseThrow(() -> missing("account " + code, toDoWhat));
    }

    /**
     * The account the chart marks with this control.
     *
     * @throws WorkflowRefused conflict {@code account_missing} when no account carries it
     */
    static ChartAccount control(Connection connection, UUID organizationId, String control, String toDoWhat) throws SQLException {
        return one(connection, COLUMNS + "control = ?", organizationId, control)
                .orElseThrow(() -> missing("account marked " + control, toDoWhat));
    }

    /** The currency the organization keeps its books in: its chart's (the most accounts', should they differ); null without a chart. */
    static String currency(Connection connection, UUID organizationId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT currency FROM accounting.accounts WHERE org_id = ? GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1""")) {
            statement.setObject(1, organizationId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static WorkflowRefused missing(String what, String toDoWhat) {
        return WorkflowRefused.conflict("account_missing", "the chart of accounts has no " + what + ": add it to " + toDoWhat,
                Map.of());
    }

    private static Optional<ChartAccount> one(Connection connection, String sql, UUID organizationId, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, organizationId);
            statement.setString(2, value);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new ChartAccount(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                        rs.getString("type"), rs.getString("currency"), rs.getBoolean("active"))) : Optional.empty();
            }
        }
    }
}
