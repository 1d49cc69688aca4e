package io.seedreset.packs.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.PackRequest;
import io.seedreset.packs.NameChecks;
import io.seedreset.packs.people.People;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated customers and ticket holders carry real names; no row of any mode or scenario carries DataFaker's. */
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void no_row_of_any_mode_carries_a_faker_name(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(NameChecks.rowsOfEveryTenantTable(tenant)).isNotEmpty()
                .noneMatch(row -> NameChecks.FAKER_SURNAME.matcher(row).find());
        assertThat(tenant.strings("SELECT name FROM ticketing.companies")).doesNotHaveDuplicates()
                .noneMatch(name -> NameChecks.FAKER_COMPANY.matcher(name).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void generated_customers_and_the_friends_they_send_tickets_to_have_names_from_the_tables(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        List<Map<String, Object>> customers = tenant.rows("SELECT first_name, last_name, email FROM ticketing.users WHERE role = 'CUSTOMER'")
                .stream().filter(user -> !TicketingTenant.PERSONA_EMAILS.contains((String) user.get("email"))).toList();
        assertThat(customers).isNotEmpty().allSatisfy(user -> {
            String first = (String) user.get("first_name");
            String last = (String) user.get("last_name");
            assertThat(NameChecks.fromTheTables(first, last)).as("%s %s", first, last).isTrue();
            assertThat((String) user.get("email")).startsWith(People.mailbox(first, last));
        });
        assertThat(tenant.strings("""
                SELECT k.holder_name FROM ticketing.tickets k JOIN ticketing.ticket_transfers t ON t.ticket_id = k.id
                 WHERE t.to_user_id IS NULL""")).isNotEmpty().allSatisfy(name -> {
                    String[] parts = name.split(" ", 2);
                    assertThat(NameChecks.fromTheTables(parts[0], parts[1])).as(name).isTrue();
                });
    }

    @Test
    void the_default_mode_has_between_15_and_20_users_with_every_persona() {
        TicketingTenant tenant = AppliedModes.of("default").tenant();

        assertThat(tenant.queryForLong("SELECT count(*) FROM ticketing.users")).isBetween(15L, 20L);
        assertThat(tenant.strings("SELECT email FROM ticketing.users")).containsAll(TicketingTenant.PERSONA_EMAILS);
    }

    @Test
    void a_cancelled_event_writes_no_faker_name_either() {
        TicketingTenant tenant = TicketingTenant.create();
        tenant.apply(TicketingTenant.request());

        tenant.apply(PackRequest.of(CancelledEventPack.ID, TicketingTenant.ORG).anchor(TicketingTenant.ANCHOR));

        assertThat(NameChecks.rowsOfEveryTenantTable(tenant)).noneMatch(row -> NameChecks.FAKER_SURNAME.matcher(row).find());
    }
}
