package io.seedreset.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Persona;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import io.seedreset.platform.identity.ApiTokens.Issued;
import io.seedreset.testing.TestTenant;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API tokens for the personas a pack seeds in identity.users: issued, revoked by reissuing, by a reset and by a teardown. */
class ApiTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final String ORG = "agency-demo";
    private static final String PASSWORD = "Demo!2026";
    private static final String HASH = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());

    private TestTenant tenant;
    private ApplyResult applied;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private SignIn signIn;
    private ApiTokens tokens;

    @BeforeEach
    void apply() {
        tenant = TestTenant.builder().organization(ORG, "Agency (demo)").clock(NOW).packs(false, new PeoplePack()).build();
        applied = tenant.apply(PackRequest.of(PeoplePack.ID, ORG).seed(1L));
        signIn = new SignIn(tenant.dataSource, clock, Duration.ofHours(8));
        tokens = new ApiTokens(tenant.dataSource, clock);
    }

    private List<String> emails() {
        return applied.personas().stream().map(Persona::email).toList();
    }

    @Test
    void one_token_per_active_persona_stored_only_as_a_hash() throws SQLException {
        List<Issued> issued = tokens.reissue(ORG, List.of("ana.owner@agency.test", "nobody@agency.test", "ben.planner@agency.test",
                "cy.former@agency.test", "ana.owner@agency.test"));

        assertThat(issued).extracting(Issued::email).containsExactly("ana.owner@agency.test", "ben.planner@agency.test");
        assertThat(issued).extracting(Issued::role).containsExactly("owner", "planner");
        for (Issued token : issued) {
            assertThat(token.token()).matches("sra_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
            assertThat(signIn.authenticate(token.token())).hasValueSatisfying(person -> assertThat(person.email()).isEqualTo(token.email()));
            String secret = token.token().substring(token.token().lastIndexOf('_') + 1);
            assertThat(tenant.strings("SELECT t::text FROM identity.tokens t")).noneMatch(row -> row.contains(secret));
        }
        assertThat(tenant.strings("SELECT kind || ' ' || (expires_at IS NULL) || ' ' || (seeded_by = ?::uuid) FROM identity.tokens",
                applied.applicationId().toString())).containsOnly("api true true").hasSize(2);
    }

    @Test
    void reissuing_revokes_the_earlier_api_tokens_of_those_people_only() throws SQLException {
        Issued first = tokens.reissue(ORG, emails()).get(0);
        Issued other = tokens.reissue(ORG, emails()).get(1);
        SignIn.Session session = signIn.signIn(ORG, first.email(), PASSWORD);

        Issued again = tokens.reissue(ORG, List.of(first.email())).get(0);

        assertThat(signIn.authenticate(first.token())).isEmpty();
        assertThat(signIn.authenticate(again.token())).isPresent();
        assertThat(signIn.authenticate(other.token())).as("another person's").isPresent();
        assertThat(signIn.authenticate(session.token())).as("a session is no API token").isPresent();
    }

    @Test
    void a_reset_revokes_every_api_token_and_session_issued_before_it() throws SQLException {
        Issued api = tokens.reissue(ORG, emails()).get(0);
        SignIn.Session session = signIn.signIn(ORG, api.email(), PASSWORD);
        assertThat(signIn.authenticate(api.token())).isPresent();

        tenant.seedReset.reset(ResetRequest.of(ORG).confirm(ORG));

        assertThat(signIn.authenticate(api.token())).isEmpty();
        assertThat(signIn.authenticate(session.token())).isEmpty();
        assertThat(tenant.tenantRows("identity.tokens")).isZero();
        assertThat(signIn.authenticate(tokens.reissue(ORG, emails()).get(0).token())).as("new tokens answer").isPresent();
    }

    @Test
    void a_teardown_and_an_apply_of_the_same_seed_bring_the_people_back_but_not_their_tokens() throws SQLException {
        Issued api = tokens.reissue(ORG, emails()).get(0);
        SignIn.Session session = signIn.signIn(ORG, api.email(), PASSWORD);
        List<String> ids = tenant.strings("SELECT id::text FROM identity.users ORDER BY id");

        tenant.teardown();
        assertThat(signIn.authenticate(api.token())).isEmpty();
        tenant.apply(PackRequest.of(PeoplePack.ID, ORG).seed(1L));

        assertThat(tenant.strings("SELECT id::text FROM identity.users ORDER BY id")).as("the same people, the same ids").isEqualTo(ids);
        assertThat(signIn.authenticate(api.token())).isEmpty();
        assertThat(signIn.authenticate(session.token())).isEmpty();
        assertThat(signIn.authenticate(signIn.signIn(ORG, api.email(), PASSWORD).token())).as("a new sign-in answers").isPresent();
    }

    @Test
    void a_person_nobody_seeded_gets_a_token_that_answers() throws SQLException {
        tenant.seedReset.createOrganization("real-co", "Real Co", OrganizationKind.PRODUCTION);
        tenant.execute("""
                INSERT INTO identity.users (org_id, id, email, password_hash, name, role, active, created_at)
                SELECT id, gen_random_uuid(), 'ops@real-co.test', ?, 'Ops Person', 'owner', true, now()
                  FROM platform.organizations WHERE slug = 'real-co'""", HASH);

        assertThat(tokens.person("real-co", "OPS@real-co.test")).hasValueSatisfying(p -> assertThat(p.demo()).isFalse());
        List<Issued> issued = tokens.reissue("real-co", List.of("ops@real-co.test"));

        assertThat(issued).singleElement().satisfies(token -> assertThat(signIn.authenticate(token.token())).isPresent());
        assertThat(tenant.strings("SELECT coalesce(seeded_by::text, 'none') FROM identity.tokens t JOIN platform.organizations o "
                + "ON o.id = t.org_id WHERE o.slug = 'real-co'")).containsExactly("none");
        assertThat(tokens.person(ORG, "ops@real-co.test")).as("another organization's person").isEmpty();
    }

    /** Three people in identity.users: an owner, a planner and a deactivated former planner. */
    static final class PeoplePack implements SeedPack {

        static final String ID = "identity-people";

        private static final List<Persona> PEOPLE = List.of(
                new Persona("Ana Owner", "owner", "ana.owner@agency.test", PASSWORD, "runs the agency"),
                new Persona("Ben Planner", "planner", "ben.planner@agency.test", PASSWORD, "plans the events"),
                new Persona("Cy Former", "planner", "cy.former@agency.test", PASSWORD, "left: deactivated"));

        @Override
        public PackDescriptor descriptor() {
            return new PackDescriptor(ID, "1.0.0", "People", "Three people who sign in", List.of("identity"),
                    List.of(Mode.of("default", "everyone", Map.of())), List.<Parameter>of(), List.of());
        }

        @Override
        public void generate(PackContext context, RowSink sink) {
            for (int i = 0; i < PEOPLE.size(); i++) {
                Persona person = PEOPLE.get(i);
                sink.add("identity.users", Row.withId(context.id("person", i)).set("email", person.email()).set("password_hash", HASH)
                        .set("name", person.name()).set("role", person.role()).set("active", i < 2)
                        .set("created_at", context.anchor().minus(Duration.ofDays(30))));
            }
        }

        @Override
        public List<Persona> personas(PackContext context) {
            return PEOPLE;
        }
    }
}
