package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.packs.NameChecks;
import io.seedreset.packs.people.People;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * People carry real names and write from first.last addresses; companies and groups read like real
 * ones, one name each, and no supplier is a real airline's or hotel group's.
 */
class NamesTest {

    /** The two logins' names are fixed by the shared contract, not drawn: they are left out of the frequency check. */
    private static final List<String> CONTRACT_NAMES = List.of("Claire Donovan", "Samir Haddad");

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void people_have_real_names_and_no_row_carries_a_faker_one(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(NameChecks.rowsOfEveryTenantTable(tenant)).isNotEmpty().noneMatch(row -> NameChecks.FAKER_SURNAME.matcher(row).find());
        List<Map<String, Object>> people = tenant.rows("""
                SELECT contact_name AS name, email FROM suppliers.vendors
                UNION ALL SELECT contact_name, email FROM accounting.customers
                UNION ALL SELECT first_name || ' ' || last_name, email FROM accounting.employees""");
        assertThat(people).isNotEmpty().allSatisfy(person -> {
            String name = (String) person.get("name");
            String[] parts = name.split(" ", 2);
            assertThat((String) person.get("email")).as(name).matches(java.util.regex.Pattern.quote(People.mailbox(parts[0], parts[1]))
                    + "\\d*@[a-z]+(\\.[a-z]+)+");
            if (!CONTRACT_NAMES.contains(name)) {
                assertThat(NameChecks.fromTheTables(parts[0], parts[1])).as(name).isTrue();
            }
        });
        assertThat(tenant.strings("SELECT DISTINCT split_part(email, '@', 2) FROM accounting.employees")).containsExactly("demotravelco.example");
        assertThat(tenant.strings("SELECT DISTINCT split_part(email, '@', 2) FROM accounting.customers WHERE kind = 'INDIVIDUAL'"))
                .isSubsetOf("example.com", "example.net", "example.org");
        assertThat(tenant.strings("SELECT phone FROM accounting.customers UNION ALL SELECT phone FROM suppliers.vendors"))
                .allSatisfy(phone -> assertThat(phone).matches("\\(\\d{3}\\) 555-01\\d{2}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "full"})
    void companies_and_groups_are_distinct_and_read_like_real_ones(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        List<String> organizations = tenant.strings("SELECT name FROM accounting.customers WHERE kind <> 'INDIVIDUAL' "
                + "UNION ALL SELECT name FROM suppliers.vendors");
        assertThat(organizations).doesNotHaveDuplicates().noneMatch(name -> NameChecks.FAKER_COMPANY.matcher(name).matches());
        assertThat(tenant.rows("SELECT name, split_part(email, '@', 2) AS domain FROM accounting.customers WHERE kind <> 'INDIVIDUAL'"))
                .extracting(row -> row.get("domain")).as("one domain per company or group").doesNotHaveDuplicates();
        assertThat(tenant.strings("SELECT name FROM accounting.customers WHERE kind = 'INDIVIDUAL'")).allSatisfy(name -> {
            String[] parts = name.split(" ", 2);
            assertThat(NameChecks.fromTheTables(parts[0], parts[1])).as(name).isTrue();
        });
    }

    /** Real carriers, hotel groups and tour brands a prospect would recognise: none of them is a supplier. */
    @ParameterizedTest
    @ValueSource(strings = {"default"})
    void no_supplier_bears_a_real_trademark(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();
        List<String> trademarks = List.of("Delta", "United", "American", "Southwest", "JetBlue", "Alaska", "Spirit", "Frontier",
                "Hawaiian", "Lufthansa", "British Airways", "Air France", "Emirates", "Marriott", "Hilton", "Hyatt", "Sheraton",
                "Westin", "Holiday Inn", "Greyhound", "Trafalgar", "Contiki", "Expedia", "Sabre", "Amadeus", "Microsoft", "Google");

        assertThat(tenant.strings("SELECT name FROM suppliers.vendors")).hasSize(25)
                .allSatisfy(name -> assertThat(trademarks).noneMatch(name::contains));
    }
}
