package io.seedreset.packs.eventagency;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.packs.NameChecks;
import io.seedreset.packs.people.People;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contacts carry real names and write from first.last addresses; companies read like real firms, one name each. */
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void people_have_real_names_and_no_row_carries_a_faker_one(String mode) {
        Tenant tenant = Tenant.create();

        tenant.apply(Tenant.request().mode(mode));

        assertThat(NameChecks.rowsOfEveryTenantTable(tenant)).isNotEmpty()
                .noneMatch(row -> NameChecks.FAKER_SURNAME.matcher(row).find());
        assertThat(tenant.rows("""
                SELECT contact_name AS name, email FROM suppliers.vendors
                UNION ALL SELECT contact_name, contact_email FROM sales.deals
                UNION ALL SELECT name, email FROM identity.users""")).allSatisfy(contact -> {
                    String[] name = ((String) contact.get("name")).split(" ", 2);
                    assertThat(NameChecks.fromTheTables(name[0], name[1])).as("%s", contact).isTrue();
                    assertThat((String) contact.get("email")).startsWith(People.mailbox(name[0], name[1]) + "@");
                });
        assertCompaniesAreDistinctFirms(tenant);
    }

    @Test
    void companies_are_distinct_firms_for_many_seeds() {
        Tenant tenant = Tenant.create();
        for (long seed = 1; seed <= 5; seed++) {
            tenant.seedReset.apply(ApplyRequest.of(Tenant.request().mode("full").seed(seed)).confirm(Tenant.ORG).replace(true));

            assertCompaniesAreDistinctFirms(tenant);
        }
    }

    /**
     * Vendors, the events' clients and the deals' sponsors: none shares a name with another, a
     * name goes with one web domain and a domain with one name, and none reads like DataFaker's
     * "Anderson, Hane and Emmerich" or "Frami-Gorczany". A couple (a wedding's client) is not a company.
     */
    private static void assertCompaniesAreDistinctFirms(Tenant tenant) {
        List<String> vendors = tenant.strings("SELECT name FROM suppliers.vendors");
        List<String> clients = tenant.strings("SELECT client_name FROM events.events WHERE event_type <> 'wedding'");
        List<String> sponsors = tenant.strings("""
                SELECT d.client_company FROM sales.deals d JOIN events.events e ON e.id = d.event_id
                 WHERE d.client_company <> e.client_name""");
        List<String> all = new ArrayList<>(vendors);
        all.addAll(clients);
        all.addAll(sponsors);

        assertThat(sponsors).isNotEmpty();
        assertThat(all).doesNotHaveDuplicates().noneMatch(name -> NameChecks.FAKER_COMPANY.matcher(name).matches());
        List<Map<String, Object>> domains = tenant.rows("""
                SELECT name, split_part(email, '@', 2) AS domain FROM suppliers.vendors
                UNION SELECT d.client_company, split_part(d.contact_email, '@', 2) FROM sales.deals d
                  JOIN events.events e ON e.id = d.event_id WHERE e.event_type <> 'wedding' OR d.client_company <> e.client_name""");
        assertThat(domains).extracting(row -> row.get("name")).as("one domain per company").doesNotHaveDuplicates();
        assertThat(domains).extracting(row -> row.get("domain")).as("one company per domain").doesNotHaveDuplicates();
    }
}
