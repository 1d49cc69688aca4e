package io.seedreset.packs.eventagency;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** A fresh database with the reference platform and one demo organization, and ways to read it back. */
final class Tenant {

    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final long SEED = 20261121L;
    static final String ORG = "harbor-demo";

    /** The pack's tables, parents first. */
    static final List<String> TABLES = List.of("suppliers.vendors", "spaces.spaces", "events.events", "sales.deals",
            "budget.budgets", "budget.budget_lines", "dispatch.work_orders", "spaces.reservations");

    final DataSource dataSource;
    final SeedReset seedReset;

    private Tenant(DataSource dataSource, SeedReset seedReset) {
        this.dataSource = dataSource;
        this.seedReset = seedReset;
    }

    static Tenant create() {
        DataSource dataSource = TestDatabases.newDatabase();
        SeedReset seedReset = SeedReset.configure()
                .dataSource(dataSource)
                .clock(Clock.fixed(ANCHOR, ZoneOffset.UTC))
                .actor("pack-test")
                .load();
        seedReset.init();
        seedReset.createOrganization(ORG, "Harbor Events (demo)", OrganizationKind.DEMO);
        return new Tenant(dataSource, seedReset);
    }

    static PackRequest request() {
        return PackRequest.of(EventAgencyStarterPack.ID, ORG).seed(SEED).anchor(ANCHOR);
    }

    ApplyResult apply(PackRequest request) {
        return seedReset.apply(ApplyRequest.of(request).confirm(ORG));
    }

    long count(String table) {
        return queryForLong("SELECT count(*) FROM " + table + " t JOIN platform.organizations o ON o.id = t.org_id WHERE o.slug = ?", ORG);
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }

    /** Every row of a table as PostgreSQL renders it, in id order: equal dumps mean byte-identical rows. */
    List<String> dump(String table) {
        return strings("SELECT t::text FROM " + table + " t ORDER BY t.id");
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

    /** Each result row as column label to value (as JDBC returns it). */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        List<Map<String, Object>> rows = new ArrayList<>();
        query(sql, parameters, rs -> {
            Map<String, Object> row = new TreeMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        });
        return rows;
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
