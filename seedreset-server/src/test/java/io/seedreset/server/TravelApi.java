package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ValidationResult;
import io.seedreset.packs.travel.DemoTravelCoPack;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real pack, demo-travel-co, under the accounting API: applied with a fixed seed at the anchor the server's clock
 * reads (2026-11-21T09:00:00Z, so the API's today is the pack's), its owner and accountant signed in with the pack's
 * published password, and what a test needs to check the books the API answers and writes against the rows themselves.
 */
final class TravelApi {

    /** The default mode's organization; {@link #MINIMAL} holds the minimal mode's books in the same database. */
    static final String ORG = "travel-demo";
    static final String MINIMAL = "travel-minimal";
    static final long SEED = 20261121L;
    static final String PASSWORD = "DemoTravel!2026";
    static final String OWNER = "owner.demo@example.test";
    static final String ACCOUNTANT = "accountant.demo@example.test";
    static final String PREFIX = "/api/v1/accounting";
    /** The anchor's day: the API's today and the day after the pack's last document. */
    static final LocalDate TODAY = LocalDate.ofInstant(ApiFixture.ANCHOR, ZoneOffset.UTC);
    /** The organization named by slug, as a condition's value. */
    static final String ORG_ID = "(SELECT id FROM platform.organizations WHERE slug = ?)";

    /** The pack's tables: what a reset must bring back exactly as seeded. */
    static final List<String> BOOKS = List.of("identity.users", "suppliers.vendors", "accounting.accounts", "accounting.tax_rates",
            "accounting.periods", "accounting.journal_entries", "accounting.journal_lines", "accounting.customers", "accounting.invoices",
            "accounting.invoice_lines", "accounting.inventory_items", "accounting.bills", "accounting.bill_lines", "accounting.bank_accounts",
            "accounting.payments", "accounting.payment_allocations", "accounting.reconciliations", "accounting.bank_transactions",
            "accounting.inventory_movements", "accounting.employees", "accounting.payroll_runs", "accounting.payroll_lines");

    private TravelApi() {
    }

    /** A fresh database whose demo organization {@link #ORG} holds the pack in the given mode, and the API serving it. */
    static ApiFixture start(String mode) {
        ApiFixture api = ApiFixture.start(ORG, "Demo Travel Co (demo)");
        apply(api, ORG, mode);
        return api;
    }

    /** Another demo organization of the same database, with the pack in the given mode. */
    static void addOrganization(ApiFixture api, String organization, String mode) {
        api.organization(organization, "Demo Travel Co (" + mode + ")", OrganizationKind.DEMO);
        apply(api, organization, mode);
    }

    private static void apply(ApiFixture api, String organization, String mode) {
        api.tenant.seedReset.apply(ApplyRequest.of(PackRequest.of(DemoTravelCoPack.ID, organization).mode(mode).seed(SEED)
                .anchor(ApiFixture.ANCHOR)).confirm(organization));
    }

    static String signIn(ApiFixture api, String organization, String email) throws Exception {
        return api.signIn(organization, email, PASSWORD);
    }

    /** Every rule of demo-travel-co holds over the organization's books; a failure names the rule and its rows. */
    static void assertRulesHold(ApiFixture api, String organization) {
        ValidationResult validation = api.tenant.seedReset.validate(organization);
        assertThat(validation.rules()).as("demo-travel-co's rules are checked").isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.pack()).isEqualTo(DemoTravelCoPack.ID));
        assertThat(validation.failed()).as("the rules of demo-travel-co over " + organization + "'s books").isEmpty();
    }

    /** Each of the pack's tables in the organization, summed up row by row (every column, by id). */
    static Map<String, String> books(ApiFixture api, String organization) {
        Map<String, String> books = new LinkedHashMap<>();
        for (String table : BOOKS) {
            books.put(table, api.tenant.strings("SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '-') FROM "
                    + table + " t WHERE t.org_id = " + ORG_ID, organization).get(0));
        }
        return books;
    }

    /** The one value the query finds, as text. */
    static String one(ApiFixture api, String sql, Object... parameters) {
        List<String> found = api.tenant.strings(sql, parameters);
        assertThat(found).as(sql).hasSize(1);
        return found.get(0);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }
}
