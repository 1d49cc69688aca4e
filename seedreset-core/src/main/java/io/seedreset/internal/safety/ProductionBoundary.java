package io.seedreset.internal.safety;

import io.seedreset.api.Organization;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.organization.Organizations;
import io.seedreset.internal.schema.LockTimeout;
import io.seedreset.internal.schema.TenantSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * The code-level guard (DESIGN.md level 1) and the product rule of typed confirmation. It runs
 * inside the transaction that writes, with the organization row locked, so the production flag
 * cannot change between the check and the commit.
 */
public final class ProductionBoundary {

    /** The transaction-local setting that puts a transaction in seed context; the guard triggers read it. */
    public static final String SEED_CONTEXT = "seedreset.application_id";
    /**
     * The organization a transaction in seed context declares it writes (its tenant key), locked and checked: the
     * guard triggers check it once per statement, and each row of any other organization alone.
     */
    public static final String SEED_ORGANIZATION = "seedreset.org_id";

    private ProductionBoundary() {
    }

    /** Refuses a production organization. Every operation that seeds or previews seeding calls this. */
    public static void refuseProduction(Organization organization) {
        if (organization.production()) {
            throw new SeedResetException(Reason.PRODUCTION_ORGANIZATION, "organization '" + organization.slug()
                    + "' is a production organization: seed packs never run there",
                    Map.of(SeedResetException.ORGANIZATION, organization.slug()));
        }
    }

    /** Refuses unless the person typed the organization's slug exactly. */
    public static void requireConfirmation(String verb, Organization organization, String typed) {
        if (typed == null || typed.isEmpty()) {
            throw new SeedResetException(Reason.CONFIRMATION_REQUIRED, verb + " '" + organization.slug()
                    + "' needs confirmation: type the organization's slug", Map.of(SeedResetException.ORGANIZATION, organization.slug()));
        }
        if (!typed.equals(organization.slug())) {
            throw new SeedResetException(Reason.CONFIRMATION_MISMATCH, "confirmation '" + typed + "' does not match organization '"
                    + organization.slug() + "': nothing was changed",
                    Map.of(SeedResetException.ORGANIZATION, organization.slug(), SeedResetException.CONFIRMATION, typed));
        }
    }

    /**
     * Locks the organization for a mutating operation in the connection's open transaction,
     * refuses production organizations and missing guards, and enters seed context.
     */
    public static Organization enter(Connection connection, String slug, String confirmedSlug, String verb,
                                     Duration busyTimeout, TenantSchema schema, String contextId) throws SQLException {
        String sessionTimeout = LockTimeout.set(connection, busyTimeout.toMillis() + "ms");
        Organization organization;
        try {
            organization = Organizations.find(connection, slug, true).orElseThrow(() -> Organizations.unknown(slug));
        } catch (SQLException e) {
            if (LockTimeout.EXPIRED.equals(e.getSQLState())) {
                throw new SeedResetException(Reason.ORGANIZATION_BUSY, "organization '" + slug + "' is busy: another operation holds it (waited "
                        + busyTimeout.toMillis() + " ms); try again when it finishes",
                        Map.of(SeedResetException.ORGANIZATION, slug, SeedResetException.WAITED_MS, String.valueOf(busyTimeout.toMillis())), e);
            }
            throw e;
        }
        LockTimeout.set(connection, sessionTimeout);
        refuseProduction(organization);
        requireConfirmation(verb, organization, confirmedSlug);
        Guards.verify(connection, schema);
        enterSeedContext(connection, contextId, organization);
        return organization;
    }

    /** Marks the rest of the transaction as seed context for the organization, so the guard triggers check every write. */
    public static void enterSeedContext(Connection connection, String contextId, Organization organization) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, true), set_config(?, ?, true)")) {
            statement.setString(1, SEED_CONTEXT);
            statement.setString(2, contextId);
            statement.setString(3, SEED_ORGANIZATION);
            statement.setString(4, organization.tenantKey());
            statement.execute();
        }
    }
}
