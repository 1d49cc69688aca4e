package io.seedreset.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.testing.TestTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff members on a real PostgreSQL: a token shown once and kept as a hash, unique names, revocation, and tokens of one kind never taken for another's. */
class StaffTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    private TestTenant tenant;
    private Staff staff;

    @BeforeEach
    void database() {
        tenant = TestTenant.builder().organization("harbor-demo", "Harbor Events (demo)").clock(NOW).build();
        staff = new Staff(tenant.dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_created_member_is_recognised_by_their_token_which_is_stored_only_as_a_hash() {
        Staff.Created dana = staff.create("Dana Whitfield", "ops");

        assertThat(dana.token()).matches("srk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
        assertThat(staff.authenticate(dana.token())).hasValueSatisfying(member -> {
            assertThat(member.name()).isEqualTo("Dana Whitfield");
            assertThat(member.actor()).isEqualTo("staff:Dana Whitfield");
            assertThat(member.createdBy()).isEqualTo("ops");
            assertThat(member.createdAt()).isEqualTo(NOW);
        });
        String secret = dana.token().substring(dana.token().lastIndexOf('_') + 1);
        assertThat(tenant.strings("SELECT s::text FROM operations.staff s")).hasSize(1).noneMatch(row -> row.contains(secret));
    }

    @Test
    void a_tampered_unknown_or_malformed_token_is_nobody() {
        String token = staff.create("Dana Whitfield", "ops").token();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherId = "srk_" + "0".repeat(32) + token.substring(token.lastIndexOf('_'));

        for (String presented : new String[] {tampered, otherId, token + "x", token.replace("srk_", "sra_"), "", "Bearer " + token, null}) {
            assertThat(staff.authenticate(presented)).as(String.valueOf(presented)).isEmpty();
        }
        // The secret's last character carries 4 bits and 2 the decoder ignores: the other spellings of those are not the token.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int canonical = alphabet.indexOf(last);
        for (int ignoredBits = 1; ignoredBits <= 3; ignoredBits++) {
            String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(canonical + ignoredBits);
            assertThat(staff.authenticate(respelled)).as(respelled).isEmpty();
        }
    }

    @Test
    void a_staff_token_is_never_a_persona_token() throws Exception {
        String token = staff.create("Dana Whitfield", "ops").token();

        assertThat(new SignIn(tenant.dataSource, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(8)).authenticate(token)).isEmpty();
    }

    @Test
    void revoking_stops_the_token_at_once_keeps_the_member_listed_and_frees_the_name() {
        String first = staff.create("Dana Whitfield", "ops").token();
        staff.create("Sam Okafor", "ops");

        Staff.Member revoked = staff.revoke("dana whitfield");

        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(staff.authenticate(first)).isEmpty();
        String second = staff.create("Dana Whitfield", "ops").token();
        assertThat(staff.authenticate(second)).isPresent();
        assertThat(staff.authenticate(first)).isEmpty();
        // Both Danas were created at the same instant of the fixed clock: their order between them is the ids'.
        assertThat(staff.list()).extracting(Staff.Member::name, Staff.Member::active)
                .containsExactlyInAnyOrder(tuple("Dana Whitfield", false), tuple("Dana Whitfield", true), tuple("Sam Okafor", true));
    }

    @Test
    void a_name_taken_by_an_active_member_is_refused_without_case_and_nothing_is_written() {
        staff.create("Dana Whitfield", "ops");

        assertThatThrownBy(() -> staff.create("DANA WHITFIELD", "ops")).isInstanceOfSatisfying(SeedResetException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS);
                    assertThat(e.getMessage()).isEqualTo("a staff member named 'DANA WHITFIELD' exists: revoke them first, or choose another name");
                });
        assertThat(staff.list()).hasSize(1);
    }

    @Test
    void bad_names_and_unknown_members_are_refused_with_one_line() {
        for (String name : new String[] {null, "", "   ", " Dana", "Dana ", "x".repeat(101), "Dana\nWhitfield"}) {
            assertThatThrownBy(() -> staff.create(name, "ops")).as(String.valueOf(name)).isInstanceOfSatisfying(SeedResetException.class,
                    e -> {
                        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
                        assertThat(e.getMessage()).doesNotContain("\n");
                    });
        }
        assertThat(staff.list()).isEmpty();
        assertThatThrownBy(() -> staff.revoke("Nobody")).isInstanceOfSatisfying(SeedResetException.class,
                e -> assertThat(e.getMessage()).isEqualTo("no active staff member is named 'Nobody'"));
    }
}
