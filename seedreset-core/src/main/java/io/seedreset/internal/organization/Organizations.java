package io.seedreset.internal.organization;

import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.Tenancy;
import io.seedreset.internal.schema.TenancySettings;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.api.SeedResetException.Reason;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads and creates rows of {@code platform.organizations}. */
public final class Organizations {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final String COLUMNS = "id, slug, name, kind, is_production, created_at,"
            + " coalesce((SELECT c.months FROM platform.organization_clocks c WHERE c.org_id = id), 0), tenant_key";

    private Organizations() {
    }

    public static Optional<Organization> find(Connection connection, String slug, boolean lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM platform.organizations WHERE slug = ?" + (lock ? " FOR UPDATE" : ""))) {
            statement.setString(1, slug);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public static Organization require(Connection connection, String slug) throws SQLException {
        return find(connection, slug, false).orElseThrow(() -> unknown(slug));
    }

    public static SeedResetException unknown(String slug) {
        return new SeedResetException(Reason.UNKNOWN_ORGANIZATION, "unknown organization '" + slug + "'",
                Map.of(SeedResetException.ORGANIZATION, String.valueOf(slug)));
    }

    public static List<Organization> list(Connection connection) throws SQLException {
        List<Organization> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM platform.organizations ORDER BY slug");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.add(read(rs));
            }
        }
        return result;
    }

    /**
     * Creates an organization. Its id is derived from the slug, so the same slug has the same
     * id on every database and seeded ids (derived from it) line up between a bug report and a
     * QA machine.
     */
    /** The longest name an organization may have: it is printed in tables and messages. */
    public static final int MAX_NAME = 200;

    public static Organization create(Connection connection, String slug, String name, OrganizationKind kind)
            throws SQLException {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new SeedResetException(Reason.INVALID_VALUE, "organization slug '" + slug
                    + "' is not valid: use 2-63 lower-case letters, digits and dashes, starting with a letter or digit",
                    Map.of(SeedResetException.VALUE, String.valueOf(slug)));
        }
        if (name == null || name.isBlank()) {
            throw new SeedResetException(Reason.INVALID_VALUE, "organization '" + slug + "' needs a name");
        }
        if (name.strip().length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new SeedResetException(Reason.INVALID_VALUE, "organization '" + slug + "': a name has at most " + MAX_NAME
                    + " characters and no control characters");
        }
        // Fail closed: an organization whose kind nobody said is production, in the API as in the database.
        OrganizationKind effective = kind == null ? OrganizationKind.PRODUCTION : kind;
        UUID id = UUID.nameUUIDFromBytes(("organization/" + slug).getBytes(StandardCharsets.UTF_8));
        Tenancy.TenantsTable tenants = TenancySettings.read(connection).tenants();
        if (tenants == null) {
            return insert(connection, id, slug, name.strip(), effective, id.toString());
        }
        // The application keeps its tenants: a new row there (its key from the table's own default), registered
        // as the organization, in one transaction so that a refused organization leaves no tenant behind.
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Organization created = insert(connection, id, slug, name.strip(), effective, insertTenant(connection, tenants, slug, name.strip(), effective));
            connection.commit();
            return created;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Organization insert(Connection connection, UUID id, String slug, String name, OrganizationKind kind, String tenantKey)
            throws SQLException {
        // ON CONFLICT rather than a look first: two front ends creating the same slug at once both find none.
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO platform.organizations (id, slug, name, kind, is_production, tenant_key)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING " + COLUMNS)) {
            statement.setObject(1, id);
            statement.setString(2, slug);
            statement.setString(3, name);
            statement.setString(4, kind.label());
            statement.setBoolean(5, kind.isProduction());
            statement.setString(6, tenantKey);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SeedResetException(Reason.ORGANIZATION_EXISTS, "organization '" + slug + "' already exists",
                            Map.of(SeedResetException.ORGANIZATION, slug));
                }
                return read(rs);
            }
        }
    }

    /** A new row of the application's tenants table, its production flag as the kind says; returns its key as text. */
    private static String insertTenant(Connection connection, Tenancy.TenantsTable tenants, String slug, String name, OrganizationKind kind)
            throws SQLException {
        StringBuilder columns = new StringBuilder(TenantSchema.quote(tenants.production()));
        StringBuilder values = new StringBuilder("?");
        if (tenants.slug() != null) {
            columns.append(", ").append(TenantSchema.quote(tenants.slug()));
            values.append(", ?");
        }
        if (tenants.name() != null) {
            columns.append(", ").append(TenantSchema.quote(tenants.name()));
            values.append(", ?");
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + TenantSchema.sql(tenants.table()) + " (" + columns
                + ") VALUES (" + values + ") RETURNING " + TenantSchema.quote(tenants.key()) + "::text")) {
            int at = 1;
            statement.setBoolean(at++, kind.isProduction());
            if (tenants.slug() != null) {
                statement.setString(at++, slug);
            }
            if (tenants.name() != null) {
                statement.setString(at, name);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // A tenant the application made already holds this slug (or another unique value a new tenant gets).
                throw new SeedResetException(Reason.ORGANIZATION_EXISTS, "organization '" + slug + "' cannot be created: "
                        + tenants.table() + " refused a new tenant (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                        + "); choose another slug", Map.of(SeedResetException.ORGANIZATION, slug), e);
            }
            throw e;
        }
    }

    /**
     * Moves the organization's clock to {@code months} ahead of the real one (0: the real clock again).
     * Time travel's alone: it checks the bounds first.
     */
    public static void setClock(Connection connection, UUID organizationId, int months, String actor, java.time.Instant at)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(months == 0
                ? "DELETE FROM platform.organization_clocks WHERE org_id = ?"
                : "INSERT INTO platform.organization_clocks (org_id, months, set_at, set_by) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (org_id) DO UPDATE SET months = excluded.months, set_at = excluded.set_at, set_by = excluded.set_by")) {
            statement.setObject(1, organizationId);
            if (months != 0) {
                statement.setInt(2, months);
                statement.setTimestamp(3, java.sql.Timestamp.from(at));
                statement.setString(4, actor);
            }
            statement.executeUpdate();
        }
    }

    private static Organization read(ResultSet rs) throws SQLException {
        return new Organization(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                OrganizationKind.parse(rs.getString(4)), rs.getBoolean(5), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getString(8));
    }
}
