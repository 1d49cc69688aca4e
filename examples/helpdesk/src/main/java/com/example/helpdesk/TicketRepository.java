package com.example.helpdesk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The helpdesk's tickets, read and written with plain JDBC. Every call names the workspace (the tenant) it works
 * in; a ticket of another workspace is invisible to it.
 */
public final class TicketRepository {

    private static final String COLUMNS = "t.id, t.customer_id, t.assignee_id, t.priority, t.status, t.subject, t.duplicate_of,"
            + " t.opened_at, t.solved_at";

    private final DataSource dataSource;

    public TicketRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The workspace's unsolved tickets in the order agents work them: most urgent first, then oldest first. */
    public List<Ticket> queue(long workspace) throws SQLException {
        return list("SELECT " + COLUMNS + " FROM helpdesk.tickets t JOIN helpdesk.priorities p ON p.code = t.priority"
                + " WHERE t.tenant_id = ? AND t.status <> 'solved' ORDER BY p.rank, t.opened_at, t.id", workspace);
    }

    /**
     * Unsolved tickets no agent has answered within their priority's first-response time, as of {@code now}:
     * what the helpdesk's dashboard shows in red.
     */
    public List<Ticket> overdue(long workspace, Instant now) throws SQLException {
        return list("SELECT " + COLUMNS + " FROM helpdesk.tickets t JOIN helpdesk.priorities p ON p.code = t.priority"
                + " WHERE t.tenant_id = ? AND t.status <> 'solved'"
                + " AND t.opened_at + make_interval(hours => p.first_response_hours) < ?"
                + " AND NOT EXISTS (SELECT 1 FROM helpdesk.replies r WHERE r.ticket_id = t.id AND r.agent_id IS NOT NULL)"
                + " ORDER BY p.rank, t.opened_at, t.id", workspace, Timestamp.from(now));
    }

    public Optional<Ticket> find(long workspace, long ticket) throws SQLException {
        return list("SELECT " + COLUMNS + " FROM helpdesk.tickets t WHERE t.tenant_id = ? AND t.id = ?", workspace, ticket)
                .stream().findFirst();
    }

    /** Opens a ticket for a customer of the workspace and returns its id. */
    public long open(long workspace, long customer, String priority, String subject, Instant openedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO helpdesk.tickets"
                     + " (tenant_id, customer_id, priority, status, subject, opened_at)"
                     + " SELECT c.tenant_id, c.id, ?, 'open', ?, ? FROM helpdesk.customers c WHERE c.tenant_id = ? AND c.id = ?"
                     + " RETURNING id")) {
            insert.setString(1, priority);
            insert.setString(2, subject);
            insert.setTimestamp(3, Timestamp.from(openedAt));
            insert.setLong(4, workspace);
            insert.setLong(5, customer);
            try (ResultSet inserted = insert.executeQuery()) {
                if (!inserted.next()) {
                    throw new IllegalArgumentException("workspace " + workspace + " has no customer " + customer);
                }
                return inserted.getLong(1);
            }
        }
    }

    public void solve(long workspace, long ticket, Instant at) throws SQLException {
        update("UPDATE helpdesk.tickets SET status = 'solved', solved_at = ? WHERE tenant_id = ? AND id = ? AND status <> 'solved'",
                "ticket " + ticket + " is not an unsolved ticket of workspace " + workspace, Timestamp.from(at), workspace, ticket);
    }

    /**
     * Merges {@code duplicate} into {@code original}, an earlier ticket of the same customer about the same problem:
     * the duplicate is solved and points at the original, which stays as it was.
     */
    public void merge(long workspace, long duplicate, long original, Instant at) throws SQLException {
        update("UPDATE helpdesk.tickets d SET duplicate_of = o.id, status = 'solved', solved_at = ? FROM helpdesk.tickets o"
                + " WHERE d.tenant_id = ? AND d.id = ? AND o.tenant_id = d.tenant_id AND o.id = ? AND o.customer_id = d.customer_id"
                + " AND o.id <> d.id AND d.status <> 'solved'", "ticket " + duplicate + " cannot be merged into ticket " + original
                + ": they must be two tickets of one customer of workspace " + workspace + ", the first unsolved",
                Timestamp.from(at), workspace, duplicate, original);
    }

    /** Runs an update that must change exactly one row; {@code refusal} says why it changed none. */
    private void update(String sql, String refusal, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            if (statement.executeUpdate() != 1) {
                throw new IllegalArgumentException(refusal);
            }
        }
    }

    private List<Ticket> list(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = prepare(connection, sql, parameters);
             ResultSet rows = query.executeQuery()) {
            List<Ticket> tickets = new ArrayList<>();
            while (rows.next()) {
                tickets.add(new Ticket(rows.getLong("id"), rows.getLong("customer_id"), rows.getObject("assignee_id", Long.class),
                        rows.getString("priority"), rows.getString("status"), rows.getString("subject"),
                        rows.getObject("duplicate_of", Long.class), rows.getTimestamp("opened_at").toInstant(),
                        rows.getTimestamp("solved_at") == null ? null : rows.getTimestamp("solved_at").toInstant()));
            }
            return tickets;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
