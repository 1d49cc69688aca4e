package io.seedreset.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

/**
 * The invariant as any test can check it on any Seed &amp; Reset database: no ledger entry (a
 * batch of seeded rows, a before-image, an active application) points into a production
 * organization, and every organization's ledger count is what the ledger holds.
 */
public final class BoundaryInvariant {

    private BoundaryInvariant() {
    }

    public static void assertHolds(DataSource dataSource) {
        assertThat(ledgerEntriesInProduction(dataSource)).as("ledger entries in a production organization").isZero();
        assertThat(miscountedOrganizations(dataSource)).as("organizations whose ledger count is off").isZero();
    }

    public static long ledgerEntriesInProduction(DataSource dataSource) {
        return count(dataSource, """
                SELECT (SELECT count(*) FROM platform.seed_row_sets r JOIN platform.organizations o ON o.id = r.org_id WHERE o.is_production)
                     + (SELECT count(*) FROM platform.seed_updates u JOIN platform.organizations o ON o.id = u.org_id WHERE o.is_production)
                     + (SELECT count(*) FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id
                                                                                  WHERE o.is_production AND a.removed_at IS NULL)""");
    }

    public static long miscountedOrganizations(DataSource dataSource) {
        return count(dataSource, """
                SELECT count(*) FROM platform.organizations o
                 WHERE o.ledger_entries <> (SELECT count(*) FROM platform.seed_row_sets s WHERE s.org_id = o.id)
                                         + (SELECT count(*) FROM platform.seed_updates u WHERE u.org_id = o.id)
                                         + (SELECT count(*) FROM platform.seed_applications a WHERE a.org_id = o.id AND a.removed_at IS NULL)""");
    }

    /** The first column of the first row of a query that returns one number. */
    public static long count(DataSource dataSource, String sql) {
        return new DatabaseReader(dataSource).queryForLong(sql);
    }
}
