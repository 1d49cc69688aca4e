package io.seedreset.packs.travel;

import static io.seedreset.packs.travel.TravelTenant.ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.seedreset.pack.Persona;
import io.seedreset.packs.PackPersonas;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.identity.Person;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.platform.identity.SignInRefused;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The owner and the accountant: rows of identity.users that sign in through the platform with the
 * published password, get API tokens the way apply issues them to every pack's personas, and are on
 * the payroll they see.
 */
class PersonasTest {

    private static final DemoTravelCoPack PACK = new DemoTravelCoPack();

    private static List<Persona> personas(String mode, long seed) {
        return PackPersonas.of(PACK, TravelTenant.ORG, ANCHOR, mode, seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void the_owner_and_the_accountant_sign_in_through_the_platform_with_their_roles(String mode) throws SQLException {
        AppliedModes.Applied applied = AppliedModes.of(mode);
        TravelTenant tenant = applied.tenant();
        SignIn signIn = new SignIn(tenant.dataSource, Clock.fixed(ANCHOR, ZoneOffset.UTC), Duration.ofHours(8));

        assertThat(applied.result().personas()).isEqualTo(personas(mode, TravelTenant.SEED));
        assertThat(applied.result().personas()).extracting(Persona::name, Persona::role, Persona::email, Persona::password).containsExactly(
                tuple("Claire Donovan", "owner", "owner.demo@example.test", "DemoTravel!2026"),
                tuple("Samir Haddad", "accountant", "accountant.demo@example.test", "DemoTravel!2026"));
        for (Persona persona : applied.result().personas()) {
            SignIn.Session session = signIn.signIn(TravelTenant.ORG, persona.email(), persona.password());
            assertThat(session.person().name()).isEqualTo(persona.name());
            assertThat(session.person().role()).isEqualTo(persona.role());
            assertThat(session.person().table()).isEqualTo("identity.users");
            assertThat(assertThrows(SignInRefused.class, () -> signIn.signIn(TravelTenant.ORG, persona.email(), "demotravel!2026")).why())
                    .isEqualTo(SignInRefused.Why.WRONG_CREDENTIALS);
        }
        assertThat(tenant.strings("SELECT DISTINCT password_hash FROM identity.users")).containsExactly(Personas.DEMO_PASSWORD_HASH);
        assertThat(tenant.rows("SELECT created_at FROM identity.users")).hasSize(2).allSatisfy(user -> assertThat(
                ((Timestamp) user.get("created_at")).toInstant()).isBefore(ANCHOR));
    }

    /**
     * What apply does after writing (the CLI's and the staff desk's {@code ApiTokens.reissue} of the
     * personas apply returned, looked up in identity.users and ticketing.users): a token for each that
     * answers for that person.
     */
    @Test
    void apply_issues_an_api_token_for_each_persona_that_answers_for_them() throws SQLException {
        AppliedModes.Applied applied = AppliedModes.of("default");
        TravelTenant tenant = applied.tenant();
        Clock clock = Clock.fixed(ANCHOR, ZoneOffset.UTC);

        List<ApiTokens.Issued> issued = new ApiTokens(tenant.dataSource, clock)
                .reissue(TravelTenant.ORG, applied.result().personas().stream().map(Persona::email).toList());

        assertThat(tenant.seedReset.personas(TravelTenant.ORG)).isEqualTo(applied.result().personas());
        assertThat(issued).extracting(ApiTokens.Issued::email, ApiTokens.Issued::role)
                .containsExactly(tuple("owner.demo@example.test", "owner"),
                        tuple("accountant.demo@example.test", "accountant"));
        SignIn signIn = new SignIn(tenant.dataSource, clock, Duration.ofHours(8));
        for (ApiTokens.Issued token : issued) {
            assertThat(signIn.authenticate(token.token())).map(Person::email).contains(token.email());
        }
        assertThat(tenant.queryForLong("SELECT count(*) FROM identity.tokens WHERE kind = 'api' AND person_table = 'identity.users'"))
                .isEqualTo(2);
    }

    @Test
    void the_stored_hash_is_the_demo_password_hashed_with_the_stated_cost_and_salt() {
        assertThat(PackPersonas.bcrypt(Personas.HASH_COST, Personas.HASH_SALT, Personas.DEMO_PASSWORD)).isEqualTo(Personas.DEMO_PASSWORD_HASH);
        assertThat(BCrypt.verifyer().verify(Personas.DEMO_PASSWORD.toCharArray(), Personas.DEMO_PASSWORD_HASH).verified).isTrue();
        assertThat(Personas.DEMO_PASSWORD_HASH).startsWith("$2a$10$");
    }

    @Test
    void the_personas_are_the_same_in_every_mode_and_for_every_seed() {
        List<Persona> personas = personas("default", 1);

        for (String mode : List.of("minimal", "default", "full")) {
            for (long seed : new long[] {1, 2, 987_654_321L}) {
                assertThat(personas(mode, seed)).as("%s %d", mode, seed).isEqualTo(personas);
            }
        }
        assertThat(personas).allSatisfy(p -> assertThat(p.description()).startsWith(
                p.role().equals("owner") ? "Owner of Demo Travel Co" : "Accountant of Demo Travel Co"));
    }

    @Test
    void both_are_on_the_payroll_and_the_accountant_closed_the_quarters() {
        TravelTenant tenant = AppliedModes.of("default").tenant();

        List<Map<String, Object>> staff = tenant.rows("""
                SELECT first_name || ' ' || last_name AS name, title, count(l.id) AS paid_months
                  FROM accounting.employees e JOIN accounting.payroll_lines l ON l.employee_id = e.id
                  JOIN accounting.payroll_runs r ON r.id = l.run_id AND r.status = 'PAID'
                 WHERE e.first_name || ' ' || e.last_name IN ('Claire Donovan', 'Samir Haddad') GROUP BY 1, 2 ORDER BY 1""");
        assertThat(staff).extracting(s -> s.get("name"), s -> s.get("title")).containsExactly(
                tuple("Claire Donovan", "Owner & Managing Director"),
                tuple("Samir Haddad", "Accountant"));
        assertThat(staff).allSatisfy(s -> assertThat(s.get("paid_months")).isEqualTo(17L));
        assertThat(tenant.strings("SELECT DISTINCT closed_by FROM accounting.periods WHERE status = 'CLOSED'"))
                .containsExactly("accountant.demo@example.test");
        assertThat(tenant.strings("SELECT DISTINCT created_by FROM accounting.journal_entries ORDER BY 1"))
                .containsExactly("accountant.demo@example.test", "owner.demo@example.test");
    }
}
