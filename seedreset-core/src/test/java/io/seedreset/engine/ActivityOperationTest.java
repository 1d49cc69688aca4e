package io.seedreset.engine;

import static io.seedreset.fixture.Fixture.DEMO;
import static io.seedreset.fixture.Fixture.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerActivityPack;
import io.seedreset.fixture.LedgerPack;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Synthetic activity behind the gate: recorded, audited, validated before commit, refused on production. */
class ActivityOperationTest {

    private static final LocalDate TODAY = LocalDate.ofInstant(Fixture.NOW, ZoneOffset.UTC);

    private Fixture fixture = new Fixture(new LedgerActivityPack(false));

    @AfterEach
    void the_boundary_invariant_holds() {
        assertThat(fixture.seededRowsInProduction()).isZero();
        assertThat(fixture.miscountedOrganizations()).isZero();
    }

    @Test
    void posts_each_day_asked_as_one_activity_application_audited_with_it() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));

        ActivityResult result = fixture.seedReset.activity(ActivityRequest.of(DEMO).days(3).confirm(DEMO));

        assertThat(result.from()).isEqualTo(TODAY.minusDays(2));
        assertThat(result.to()).isEqualTo(TODAY);
        ActivityResult.Run run = result.runs().get(0);
        assertThat(run.packId()).isEqualTo(LedgerPack.ID);
        assertThat(run.days()).containsExactly(TODAY.minusDays(2), TODAY.minusDays(1), TODAY);
        assertThat(run.counts()).isEqualTo(Map.of("fixture.entries", 3L));
        assertThat(run.updates()).isEqualTo(Map.of("fixture.accounts", 3L));
        assertThat(fixture.count("SELECT count(*) FROM fixture.entries WHERE memo LIKE 'activity of %'")).isEqualTo(3);
        assertThat(fixture.seedReset.validate(DEMO).passed()).isTrue();
        ApplicationRecord application = fixture.seedReset.history(HistoryRequest.of(DEMO)).applications().get(0);
        assertThat(application.source()).isEqualTo(ApplicationRecord.Source.ACTIVITY);
        assertThat(application.packId()).isEqualTo("activity:" + LedgerPack.ID);
        assertThat(application.id()).isEqualTo(run.applicationId());
        assertThat(application.parameters()).containsEntry("from", TODAY.minusDays(2).toString()).containsEntry("to", TODAY.toString())
                .containsEntry("days", List.of(TODAY.minusDays(2).toString(), TODAY.minusDays(1).toString(), TODAY.toString()));
        AuditEntry audited = fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0);
        assertThat(audited.operation()).isEqualTo(AuditOperation.ACTIVITY);
        assertThat(audited.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(audited.applicationId()).isEqualTo(run.applicationId());
    }

    @Test
    void the_same_day_again_changes_nothing_and_is_audited_unchanged() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        fixture.seedReset.activity(ActivityRequest.of(DEMO).confirm(DEMO));
        long entries = fixture.count("SELECT count(*) FROM fixture.entries");

        ActivityResult again = fixture.seedReset.activity(ActivityRequest.of(DEMO).confirm(DEMO));

        assertThat(again.runs()).extracting(ActivityResult.Run::status).containsExactly(ActivityResult.Status.UNCHANGED);
        assertThat(fixture.count("SELECT count(*) FROM fixture.entries")).isEqualTo(entries);
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0).outcome()).isEqualTo(AuditOutcome.UNCHANGED);
    }

    @Test
    void a_production_organization_is_refused_audited_and_nothing_is_written() {
        long rows = fixture.tenantRows(PRODUCTION);

        assertThatThrownBy(() -> fixture.seedReset.activity(ActivityRequest.of(PRODUCTION).confirm(PRODUCTION)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.REFUSED))
                .hasMessageContaining("is a production organization");

        assertThat(fixture.tenantRows(PRODUCTION)).isEqualTo(rows);
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
        AuditEntry audited = fixture.seedReset.history(HistoryRequest.of(PRODUCTION)).audit().get(0);
        assertThat(audited.operation()).isEqualTo(AuditOperation.ACTIVITY);
        assertThat(audited.outcome()).isEqualTo(AuditOutcome.REFUSED);
    }

    @Test
    void without_the_typed_slug_or_with_too_many_days_it_is_refused_before_writing() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));

        assertThatThrownBy(() -> fixture.seedReset.activity(ActivityRequest.of(DEMO).confirm("demo")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFIRMATION_MISMATCH));
        assertThatThrownBy(() -> fixture.seedReset.activity(ActivityRequest.of(DEMO).days(ActivityRequest.MAX_DAYS + 1).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE))
                .hasMessage("activity covers 1 to 92 days, not 93");
        assertThatThrownBy(() -> fixture.seedReset.activity(ActivityRequest.of(DEMO).days(0).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE));

        assertThat(fixture.count("SELECT count(*) FROM fixture.entries WHERE memo LIKE 'activity of %'")).isZero();
    }

    @Test
    void a_broken_rule_rolls_everything_back_and_names_the_rule() {
        fixture = new Fixture(new LedgerActivityPack(true));
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        long rows = fixture.tenantRows(DEMO);

        assertThatThrownBy(() -> fixture.seedReset.activity(ActivityRequest.of(DEMO).days(2).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.VALIDATION_FAILED))
                .hasMessageStartingWith("validation rule 'account balance equals the sum of its entries' of pack 'fixture-ledger' fails after applying 'activity:fixture-ledger'");

        assertThat(fixture.tenantRows(DEMO)).isEqualTo(rows);
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications WHERE source = 'activity'")).isZero();
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0).outcome()).isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void teardown_puts_back_what_activity_changed_and_the_pack_cannot_go_while_its_activity_stays() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        List<String> seeded = fixture.strings("SELECT t::text FROM fixture.accounts t ORDER BY id");
        UUID pack = fixture.seedReset.history(HistoryRequest.of(DEMO)).applications().get(0).id();
        ActivityResult posted = fixture.seedReset.activity(ActivityRequest.of(DEMO).days(2).confirm(DEMO));

        assertThatThrownBy(() -> fixture.seedReset.teardown(TeardownRequest.of(DEMO).application(pack).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REQUIRED_BY_SCENARIO))
                .hasMessageContaining("'activity:fixture-ledger'");

        fixture.seedReset.teardown(TeardownRequest.of(DEMO).application(posted.runs().get(0).applicationId()).confirm(DEMO));
        assertThat(fixture.strings("SELECT t::text FROM fixture.accounts t ORDER BY id")).isEqualTo(seeded);
        assertThat(fixture.count("SELECT count(*) FROM fixture.entries WHERE memo LIKE 'activity of %'")).isZero();

        fixture.seedReset.activity(ActivityRequest.of(DEMO).confirm(DEMO));
        fixture.seedReset.reset(new ResetRequest(DEMO, DEMO, Fixture.NOW));
        assertThat(fixture.count("SELECT count(*) FROM fixture.entries WHERE memo LIKE 'activity of %'")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications WHERE source = 'activity' AND removed_at IS NULL")).isZero();
    }

    @Test
    void an_organization_without_a_pack_that_posts_activity_gets_none() {
        Fixture plain = new Fixture(new LedgerPack());
        plain.seedReset.apply(Fixture.applyTo(DEMO));

        ActivityResult result = plain.seedReset.activity(ActivityRequest.of(DEMO).confirm(DEMO));

        assertThat(result.runs()).isEmpty();
        assertThat(plain.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0).outcome()).isEqualTo(AuditOutcome.UNCHANGED);
    }
}
