package io.seedreset.internal.engine;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.schema.TenantSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant check a foreign key without the tenant column cannot make: on a schema whose keys are
 * single columns ({@code tenant_id} beside a {@code bigint id}), a row may reference another tenant's
 * row and the database is content. After a write, before commit, no row of the organization in a table
 * just written may reference a row of another tenant through such a key; a pack's wrong id (another
 * organization's) fails the apply instead of linking two tenants' data.
 */
final class TenantReferences {

    private TenantReferences() {
    }

    /** @param reason what a reference to another tenant is: the pack's failure, or a bad file of an import */
    static void require(Connection connection, TenantSchema schema, UUID organizationId, Set<String> written, Reason reason)
            throws SQLException {
        for (TenantSchema.ForeignKey fk : schema.foreignKeys()) {
            if (fk.tenantScoped() || !(written.contains(fk.child()) || written.contains(fk.parent()))) {
                continue;
            }
            TenantSchema.Table child = schema.table(fk.child()).orElseThrow();
            TenantSchema.Table parent = schema.table(fk.parent()).orElseThrow();
            String join = fk.join("c", "p");
            String childKey = child.key() == null ? "'(a row)'" : child.keyColumn("c") + "::text";
            String parentKey = parent.key() == null ? "'(a row)'" : parent.keyColumn("p") + "::text";
            // Both directions: the organization's rows pointing out, and other tenants' rows pointing at its rows.
            String sql = "SELECT " + childKey + ", " + parentKey + " FROM " + TenantSchema.sql(fk.child()) + " c JOIN " + TenantSchema.sql(fk.parent())
                    + " p ON " + join + " WHERE (" + child.tenantIs("c") + " OR " + parent.tenantIs("p") + ") AND "
                    + child.tenant("c") + " IS DISTINCT FROM " + parent.tenant("p") + " LIMIT 1";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, organizationId);
                statement.setObject(2, organizationId);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        throw new SeedResetException(reason, fk.child() + " row " + rs.getString(1) + " references " + fk.parent() + " row "
                                + rs.getString(2) + " of another tenant (foreign key " + fk.name()
                                + " does not hold the tenant column, so only this check sees it): nothing was written",
                                Map.of(SeedResetException.TABLE, fk.child()));
                    }
                }
            }
        }
    }
}
