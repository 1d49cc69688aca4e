package io.seedreset.packs.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyResult;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Same pack version, parameters, seed and anchor give the same rows, ids and password hash included, in any database. */
class DeterminismTest {

    @Test
    void the_same_seed_and_anchor_write_identical_rows_in_two_fresh_databases() {
        TicketingTenant first = TicketingTenant.create();
        TicketingTenant second = TicketingTenant.create();

        ApplyResult one = first.apply(TicketingTenant.request().mode("full"));
        ApplyResult two = second.apply(TicketingTenant.request().mode("full"));

        assertThat(two.planHash()).isEqualTo(one.planHash());
        assertThat(two.counts()).isEqualTo(one.counts());
        for (String table : TicketingTenant.TABLES) {
            assertThat(second.dump(table)).as(table).isNotEmpty().containsExactlyElementsOf(first.dump(table));
        }
    }

    @Test
    void another_seed_or_anchor_gives_other_rows_but_the_same_persona_logins() {
        TicketingTenant tenant = AppliedModes.of("default").tenant();
        String personaLogins = "SELECT concat_ws(' ', email, role, first_name, last_name, phone) FROM ticketing.users "
                + "WHERE email IN (" + Stream.concat(Personas.STAFF.stream(), Personas.CUSTOMERS.stream())
                .map(p -> "'" + p.email() + "'").collect(Collectors.joining(", ")) + ") ORDER BY email";
        String base = tenant.seedReset.plan(TicketingTenant.request()).planHash();
        TicketingTenant reseeded = TicketingTenant.create();

        reseeded.apply(TicketingTenant.request().seed(TicketingTenant.SEED + 1));

        assertThat(tenant.seedReset.plan(TicketingTenant.request().seed(TicketingTenant.SEED + 1)).planHash()).isNotEqualTo(base);
        assertThat(tenant.seedReset.plan(TicketingTenant.request().anchor(TicketingTenant.ANCHOR.plus(Duration.ofDays(7)))).planHash())
                .isNotEqualTo(base);
        assertThat(reseeded.dump("ticketing.events")).isNotEqualTo(tenant.dump("ticketing.events"));
        assertThat(reseeded.strings(personaLogins)).hasSize(17).isEqualTo(tenant.strings(personaLogins));
    }

    @Test
    void more_orders_extend_the_order_book_without_changing_the_calendar() {
        TicketingTenant forty = AppliedModes.of("default").tenant();
        TicketingTenant sixty = TicketingTenant.create();

        sixty.apply(TicketingTenant.request().set("orders", "60"));

        assertThat(sixty.count("ticketing.orders")).isEqualTo(60);
        for (String table : new String[] {"ticketing.companies", "ticketing.venues", "ticketing.users", "ticketing.events"}) {
            assertThat(sixty.dump(table)).as(table).containsExactlyElementsOf(forty.dump(table));
        }
    }
}
