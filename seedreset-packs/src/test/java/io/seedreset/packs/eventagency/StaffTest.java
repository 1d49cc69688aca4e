package io.seedreset.packs.eventagency;

import static io.seedreset.packs.eventagency.Tenant.ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.seedreset.api.ApplyResult;
import io.seedreset.pack.Persona;
import io.seedreset.packs.NameChecks;
import io.seedreset.packs.PackPersonas;
import io.seedreset.packs.people.People;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.platform.identity.SignInRefused;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agency's owner and event planner: rows of identity.users that sign in through the platform with the published password. */
class StaffTest {

    private static final EventAgencyStarterPack PACK = new EventAgencyStarterPack();

    private static List<Persona> personas(String mode, long seed) {
        return PackPersonas.of(PACK, Tenant.ORG, ANCHOR, mode, seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default"})
    void the_owner_and_the_planner_sign_in_through_the_platform(String mode) throws SQLException {
        Tenant tenant = Tenant.create();
        ApplyResult applied = tenant.apply(Tenant.request().mode(mode));
        SignIn signIn = new SignIn(tenant.dataSource, Clock.fixed(ANCHOR, ZoneOffset.UTC), Duration.ofHours(8));

        assertThat(applied.personas()).isEqualTo(personas(mode, Tenant.SEED))
                .extracting(Persona::role).containsExactly("owner", "planner");
        for (Persona persona : applied.personas()) {
            SignIn.Session session = signIn.signIn(Tenant.ORG, persona.email(), persona.password());
            assertThat(session.person().name()).isEqualTo(persona.name());
            assertThat(session.person().role()).isEqualTo(persona.role());
            assertThat(session.person().table()).isEqualTo("identity.users");
            assertThat(signIn.authenticate(session.token())).contains(session.person());
            assertThat(assertThrows(SignInRefused.class,
                    () -> signIn.signIn(Tenant.ORG, persona.email(), "demoagency!2026")).why())
                    .isEqualTo(SignInRefused.Why.WRONG_CREDENTIALS);
        }
        assertThat(tenant.strings("SELECT DISTINCT password_hash FROM identity.users")).containsExactly(Staff.DEMO_PASSWORD_HASH);
        assertThat(tenant.rows("SELECT created_at FROM identity.users")).hasSize(2).allSatisfy(user -> assertThat(
                ((Timestamp) user.get("created_at")).toInstant()).isBetween(ANCHOR.minus(Duration.ofDays(1_501)), ANCHOR));
    }

    @Test
    void the_stored_hash_is_the_demo_password_hashed_with_the_stated_cost_and_salt() {
        assertThat(PackPersonas.bcrypt(Staff.HASH_COST, Staff.HASH_SALT, Staff.DEMO_PASSWORD)).isEqualTo(Staff.DEMO_PASSWORD_HASH);
    }

    /** docs/DEMO_DATA.md publishes the password and, for the seed and anchor of these tests, the two people apply prints. */
    @Test
    void the_docs_name_the_password_and_the_example_people() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "DEMO_DATA.md"));
        assertThat(doc).contains("**`" + Staff.DEMO_PASSWORD + "`**");
        for (Persona persona : personas("default", Tenant.SEED)) {
            assertThat(doc).contains("| " + persona.name() + " | " + persona.role() + " | " + persona.email() + " | "
                    + persona.description() + " |");
        }
    }

    @Test
    void names_are_drawn_like_everyone_elses_and_emails_are_at_the_agencys_domain() {
        for (long seed = 1; seed <= 20; seed++) {
            List<Persona> personas = personas("default", seed);
            assertThat(personas("full", seed)).as("the same people in every mode").isEqualTo(personas);
            assertThat(personas).hasSize(2).allSatisfy(persona -> {
                String[] name = persona.name().split(" ", 2);
                assertThat(NameChecks.fromTheTables(name[0], name[1])).as(persona.name()).isTrue();
                assertThat(persona.password()).isEqualTo(Staff.DEMO_PASSWORD);
                assertThat(persona.email()).matches("[a-z]+\\.[a-z]+@[a-z]+\\.com");
            });
            String owner = personas.get(0).name().split(" ", 2)[1];
            String domain = personas.get(0).email().substring(personas.get(0).email().indexOf('@'));
            assertThat(domain).as("the agency carries its owner's name").startsWith("@" + People.letters(owner));
            assertThat(personas.get(1).email()).endsWith(domain).isNotEqualTo(personas.get(0).email());
            assertThat(personas.get(0).description()).startsWith("Agency owner at ");
        }
        assertThat(personas("default", 1)).isNotEqualTo(personas("default", 2));
    }
}
