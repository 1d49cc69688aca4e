package io.seedreset.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.List;

/**
 * The agency modules' routes as the tests walk them, and signing in one of the agency's people.
 */
final class AgencyApi {

    /** The password of the people {@link #signIn} adds. */
    static final String PASSWORD = "AgencyDemo!2026";
    /** Cost 4, the least bcrypt takes: the tests sign people in, they do not measure bcrypt. */
    private static final String PASSWORD_HASH = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());

    /**
     * A list route, its table, the order it documents, and what its 404 calls a row.
     *
     * @param defaultCount how many rows event-agency-starter's default mode seeds in the table
     */
    record Resource(String path, String table, String order, String what, int defaultCount) {

        /** The organization's ids in the route's order, straight from the database. */
        List<String> ids(ApiFixture api, String organization) {
            return api.tenant.strings("SELECT id::text FROM " + table + " WHERE org_id = " + ORG + " ORDER BY " + order, organization);
        }
    }

    /** The organization named by slug, as a condition's value. */
    static final String ORG = "(SELECT id FROM platform.organizations WHERE slug = ?)";

    static final List<Resource> RESOURCES = List.of(
            new Resource("/api/v1/suppliers/vendors", "suppliers.vendors", "name, id", "vendor", 12),
            new Resource("/api/v1/events/events", "events.events", "starts_at, id", "event", 5),
            new Resource("/api/v1/sales/deals", "sales.deals", "opened_at, id", "deal", 15),
            new Resource("/api/v1/budget/budgets", "budget.budgets", "created_at, id", "budget", 3),
            new Resource("/api/v1/dispatch/work-orders", "dispatch.work_orders", "scheduled_at, id", "work order", 5),
            new Resource("/api/v1/spaces/spaces", "spaces.spaces", "name, id", "space", 4),
            new Resource("/api/v1/spaces/reservations", "spaces.reservations", "starts_at, id", "reservation", 8));

    private AgencyApi() {
    }

    /**
     * Signs in one of the agency's people (identity.users) with this role, as {@code <role>@<organization>.example.org}.
     * event-agency-starter has no personas yet, so the person is added here, the one place to swap for the pack's
     * owner and planner once they land.
     */
    static String signIn(ApiFixture api, String organization, String role) throws Exception {
        String email = role + "@" + organization + ".example.org";
        api.tenant.execute("INSERT INTO identity.users (org_id, id, email, password_hash, name, role, active, created_at)"
                + " SELECT id, gen_random_uuid(), ?, ?, ?, ?, true, now() FROM platform.organizations WHERE slug = ?"
                + " ON CONFLICT (org_id, email) DO NOTHING", email, PASSWORD_HASH, "Agency " + role, role, organization);
        return api.signIn(organization, email, PASSWORD);
    }
}
