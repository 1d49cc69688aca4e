package io.seedreset.packs.ticketing;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.pack.SeedPack;
import io.seedreset.testing.TestDatabases;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/** A fresh database with the reference platform and one demo organization, and ways to read it back. */
final class TicketingTenant {

    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final long SEED = 20261121L;
    static final String ORG = "encore-demo";

    /** The module's tables, parents first. */
    static final List<String> TABLES = List.of("ticketing.companies", "ticketing.venues", "ticketing.users",
            "ticketing.notification_preferences", "ticketing.events", "ticketing.ticket_types", "ticketing.promo_codes",
            "ticketing.scanners", "ticketing.orders", "ticketing.order_items", "ticketing.tickets",
            "ticketing.ticket_transfers", "ticketing.scan_logs", "ticketing.notifications");

    final DataSource dataSource;
    final SeedReset seedReset;

    private TicketingTenant(DataSource dataSource, SeedReset seedReset) {
        this.dataSource = dataSource;
        this.seedReset = seedReset;
    }

    static TicketingTenant create(SeedPack... extraPacks) {
        DataSource dataSource = TestDatabases.newDatabase();
        SeedReset seedReset = SeedReset.configure()
                .dataSource(dataSource)
                .clock(Clock.fixed(ANCHOR, ZoneOffset.UTC))
                .actor("ticketing-test")
                .packs(extraPacks)
                .load();
        seedReset.init();
        seedReset.createOrganization(ORG, "Encore Ticketing (demo)", OrganizationKind.DEMO);
        return new TicketingTenant(dataSource, seedReset);
    }

    static PackRequest request() {
        return PackRequest.of(TicketingDemoPack.ID, ORG).seed(SEED).anchor(ANCHOR);
    }

    ApplyResult apply(PackRequest request) {
        return seedReset.apply(ApplyRequest.of(request).confirm(ORG));
    }

    String organizationId() {
        return strings("SELECT id::text FROM platform.organizations WHERE slug = ?", ORG).get(0);
    }

    long count(String table) {
        return queryForLong("SELECT count(*) FROM " + table);
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }

    /** Every row of a table as COPY writes it, in id order: equal dumps mean byte-identical rows. */
    List<String> dump(String table) {
        try (Connection connection = dataSource.getConnection()) {
            StringWriter out = new StringWriter();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM " + table + " ORDER BY id) TO STDOUT", out);
            return out.toString().lines().toList();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not dump " + table, e);
        }
    }

    List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        query(sql, parameters, rs -> values.add(rs.getString(1)));
        return values;
    }

    long queryForLong(String sql, Object... parameters) {
        long[] value = new long[1];
        query(sql, parameters, rs -> value[0] = rs.getLong(1));
        return value[0];
    }

    double queryForDouble(String sql, Object... parameters) {
        double[] value = new double[1];
        query(sql, parameters, rs -> value[0] = rs.getDouble(1));
        return value[0];
    }

    /** Each result row as column label to value (as JDBC returns it), columns in select order. */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        List<Map<String, Object>> rows = new ArrayList<>();
        query(sql, parameters, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        });
        return rows;
    }

    /** Counts per value of the first column of a {@code SELECT value, count(*) ... GROUP BY value}. */
    Map<String, Long> histogram(String sql, Object... parameters) {
        Map<String, Long> histogram = new TreeMap<>();
        query(sql, parameters, rs -> histogram.put(rs.getString(1), rs.getLong(2)));
        return histogram;
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Object[] parameters, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
