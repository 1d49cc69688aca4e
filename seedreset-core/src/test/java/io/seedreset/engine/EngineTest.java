package io.seedreset.engine;

import static io.seedreset.fixture.Fixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryResult;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerPack;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {

    private final Fixture fixture = new Fixture(new LedgerPack());

    @AfterEach
    void the_invariant_holds() {
        assertThat(fixture.seededRowsInProduction()).isZero();
    }

    @Test
    void plan_previews_counts_samples_totals_and_writes_nothing() {
        PlanResult plan = fixture.seedReset.plan(PackRequest.of(LedgerPack.ID, DEMO));
        assertThat(plan.counts()).containsExactly(Map.entry("fixture.accounts", 3L), Map.entry("fixture.entries", 12L));
        assertThat(plan.samples().get("fixture.entries")).hasSize(3);
        assertThat(plan.samples().get("fixture.accounts").get(0)).containsKeys("id", "name", "balance");
        assertThat(plan.totals().get("balances")).isPositive();
        assertThat(plan.anchor()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(plan.planHash()).hasSize(16);
        assertThat(fixture.tenantRows(DEMO)).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_rows")).isZero();
    }

    @Test
    void apply_writes_what_the_plan_showed_and_records_the_application() {
        PlanResult plan = fixture.seedReset.plan(PackRequest.of(LedgerPack.ID, DEMO));
        ApplyResult applied = fixture.seedReset.apply(Fixture.applyTo(DEMO).planHash(plan.planHash()));

        assertThat(applied.status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(applied.counts()).isEqualTo(plan.counts());
        assertThat(applied.planHash()).isEqualTo(plan.planHash());
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(15);
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_rows")).isEqualTo(15);
        assertThat(BigDecimal.valueOf(fixture.count("SELECT sum(balance)::bigint FROM fixture.accounts")))
                .isEqualByComparingTo(plan.totals().get("balances").setScale(0, java.math.RoundingMode.DOWN));

        ApplicationRecord record = fixture.seedReset.history(HistoryRequest.of(DEMO)).applications().get(0);
        assertThat(record.id()).isEqualTo(applied.applicationId());
        assertThat(record.actor()).isEqualTo("test-actor");
        assertThat(record.packVersion()).isEqualTo("1.0.0");
        assertThat(record.mode()).isEqualTo("default");
        assertThat(record.parameters()).containsEntry("accounts", 3);
        assertThat(record.seed()).isEqualTo(plan.seed());
        assertThat(record.anchor()).isEqualTo(plan.anchor());
        assertThat(record.counts()).isEqualTo(plan.counts());
        assertThat(record.planHash()).isEqualTo(plan.planHash());
        assertThat(record.active()).isTrue();
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void apply_refuses_when_the_rows_differ_from_the_reviewed_plan() {
        PlanResult plan = fixture.seedReset.plan(PackRequest.of(LedgerPack.ID, DEMO).seed(1L));
        assertConflict(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO).planHash(plan.planHash())), Reason.PLAN_CHANGED,
                "pack 'fixture-ledger' would write other rows than the reviewed plan (plan hash " + plan.planHash());
        assertThat(fixture.tenantRows(DEMO)).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
    }

    @Test
    void the_same_seed_and_anchor_reproduce_the_same_rows_and_ids_in_another_database() {
        PackRequest request = PackRequest.of(LedgerPack.ID, DEMO).seed(42L).anchor(Instant.parse("2026-01-05T08:00:00Z"));
        fixture.seedReset.apply(Fixture.applyTo(DEMO).confirm(DEMO).planHash(null));
        Fixture other = new Fixture(new LedgerPack());
        ApplyResult first = fixture.seedReset.apply(io.seedreset.api.ApplyRequest.of(request).confirm(DEMO).replace(true));
        ApplyResult second = other.seedReset.apply(io.seedreset.api.ApplyRequest.of(request).confirm(DEMO));
        assertThat(second.planHash()).isEqualTo(first.planHash());
        String dump = "SELECT string_agg(e::text, '|' ORDER BY e.id) FROM fixture.entries e";
        assertThat(text(other, dump)).isEqualTo(text(fixture, dump));
    }

    @Test
    void reapplying_the_same_pack_is_a_no_op_that_says_so() {
        ApplyResult first = fixture.seedReset.apply(Fixture.applyTo(DEMO));
        ApplyResult again = fixture.seedReset.apply(Fixture.applyTo(DEMO));
        assertThat(again.status()).isEqualTo(ApplyResult.Status.UNCHANGED);
        assertThat(again.applicationId()).isEqualTo(first.applicationId());
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(15);
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0).outcome()).isEqualTo(AuditOutcome.UNCHANGED);
    }

    @Test
    void reapplying_with_an_explicit_other_anchor_needs_replace_and_a_stale_plan_hash_is_refused() {
        PackRequest pinned = PackRequest.of(LedgerPack.ID, DEMO).anchor(Instant.parse("2026-06-01T00:00:00Z"));
        ApplyResult first = fixture.seedReset.apply(io.seedreset.api.ApplyRequest.of(pinned).confirm(DEMO));
        assertThat(fixture.seedReset.apply(io.seedreset.api.ApplyRequest.of(pinned).confirm(DEMO)).status())
                .isEqualTo(ApplyResult.Status.UNCHANGED);
        assertConflict(() -> fixture.seedReset.apply(io.seedreset.api.ApplyRequest.of(pinned).confirm(DEMO).planHash("0123456789abcdef")),
                Reason.PLAN_CHANGED,
                "with plan hash " + first.planHash() + ", not the reviewed 0123456789abcdef");
        PackRequest moved = pinned.anchor(Instant.parse("2026-07-01T00:00:00Z"));
        assertConflict(() -> fixture.seedReset.apply(io.seedreset.api.ApplyRequest.of(moved).confirm(DEMO)), Reason.ALREADY_APPLIED,
                "is already applied to 'demo-co' with another version");
        assertThat(fixture.seedReset.apply(io.seedreset.api.ApplyRequest.of(moved).confirm(DEMO).replace(true)).anchor())
                .isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    }

    @Test
    void other_parameters_need_replace_which_swaps_the_application_in_one_transaction() {
        ApplyResult first = fixture.seedReset.apply(Fixture.applyTo(DEMO));
        var bigger = io.seedreset.api.ApplyRequest.of(PackRequest.of(LedgerPack.ID, DEMO).set("accounts", "5")).confirm(DEMO);
        assertConflict(() -> fixture.seedReset.apply(bigger), Reason.ALREADY_APPLIED,
                "pack 'fixture-ledger' 1.0.0 is already applied to 'demo-co' with another version, mode, parameters, seed or anchor (application "
                        + first.applicationId() + ")");
        assertThatThrownBy(() -> fixture.seedReset.apply(bigger)).isInstanceOfSatisfying(SeedResetException.class, e ->
                assertThat(e.details()).containsExactly(Map.entry("application", first.applicationId().toString()),
                        Map.entry("organization", DEMO), Map.entry("pack", LedgerPack.ID)));

        ApplyResult replaced = fixture.seedReset.apply(bigger.replace(true));
        assertThat(replaced.status()).isEqualTo(ApplyResult.Status.REPLACED);
        assertThat(replaced.replaced()).containsExactly(first.applicationId());
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(25);
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_rows")).isEqualTo(25);
        ApplicationRecord old = fixture.seedReset.history(HistoryRequest.of(DEMO)).applications().stream()
                .filter(a -> a.id().equals(first.applicationId())).findFirst().orElseThrow();
        assertThat(old.removal()).isEqualTo(ApplicationRecord.Removal.REPLACE);
    }

    @Test
    void a_new_pack_version_needs_replace() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        SeedReset upgraded = Fixture.configure(fixture.dataSource, new LedgerPack("1.1.0")).load();
        assertConflict(() -> upgraded.apply(Fixture.applyTo(DEMO)), Reason.ALREADY_APPLIED, "is already applied to 'demo-co' with another version");
        assertThat(upgraded.apply(Fixture.applyTo(DEMO).replace(true)).packVersion()).isEqualTo("1.1.0");
    }

    @Test
    void a_broken_invariant_rolls_the_apply_back_and_names_the_rule() {
        var broken = io.seedreset.api.ApplyRequest.of(PackRequest.of(LedgerPack.ID, DEMO).set("break_balance", "true")).confirm(DEMO);
        assertThatThrownBy(() -> fixture.seedReset.apply(broken))
                .isInstanceOf(SeedResetException.class)
                .hasMessageStartingWith("validation rule 'account balance equals the sum of its entries' of pack 'fixture-ledger' fails (e.g. fixture.accounts ")
                .hasMessageEndingWith("): nothing was applied");
        assertThat(fixture.tenantRows(DEMO)).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0).outcome()).isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void teardown_removes_exactly_the_seeded_rows_and_leaves_rows_nobody_seeded() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        fixture.execute("INSERT INTO fixture.accounts SELECT org_id, gen_random_uuid(), 'Hand-made', 0 FROM fixture.accounts LIMIT 1");

        TeardownResult result = fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));

        assertThat(result.deleted()).containsExactly(Map.entry("fixture.accounts", 3L), Map.entry("fixture.entries", 12L));
        assertThat(fixture.count("SELECT count(*) FROM fixture.accounts WHERE name = 'Hand-made'")).isEqualTo(1);
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(1);
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_rows")).isZero();
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).applications().get(0).removal()).isEqualTo(ApplicationRecord.Removal.TEARDOWN);
    }

    @Test
    void teardown_refuses_and_names_an_unseeded_row_that_references_a_seeded_one() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        fixture.execute("""
                INSERT INTO fixture.entries SELECT org_id, '11111111-1111-1111-1111-111111111111', id, 'by hand', 5, now()
                  FROM fixture.accounts LIMIT 1""");
        assertConflict(() -> fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO)), Reason.ROWS_CHANGED,
                "teardown refused: rows that were not created by the application(s) being torn down reference seeded rows (fixture.entries row 11111111-1111-1111-1111-111111111111 references fixture.accounts row ");
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(16);
    }

    @Test
    void teardown_refuses_a_cascade_into_an_unseeded_row_before_deleting_anything() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        fixture.execute("INSERT INTO fixture.account_notes SELECT org_id, '22222222-2222-2222-2222-222222222222', id, "
                + "'call back on Monday' FROM fixture.accounts LIMIT 1");
        assertConflict(() -> fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO)), Reason.ROWS_CHANGED,
                "teardown refused: rows that were not created by the application(s) being torn down reference seeded rows "
                        + "(fixture.account_notes row 22222222-2222-2222-2222-222222222222 references fixture.accounts row ");
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(15);
        assertThat(fixture.count("SELECT count(*) FROM fixture.account_notes")).isOne();
    }

    @Test
    void teardown_of_one_application_leaves_the_others() {
        Fixture two = new Fixture(new LedgerPack(), new OtherLedgerPack());
        two.seedReset.apply(Fixture.applyTo(DEMO));
        ApplyResult other = two.seedReset.apply(io.seedreset.api.ApplyRequest.of(PackRequest.of(OtherLedgerPack.ID, DEMO)).confirm(DEMO));
        TeardownResult result = two.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO).application(other.applicationId()));
        assertThat(result.totalRows()).isEqualTo(15);
        assertThat(two.tenantRows(DEMO)).isEqualTo(15);
        // The @AfterEach check looks at this class's own fixture; this test wrote to another database.
        assertThat(two.seededRowsInProduction()).isZero();
        assertThat(two.miscountedOrganizations()).isZero();
    }

    @Test
    void reset_wipes_the_organization_and_reapplies_its_packs_with_the_same_seed() {
        ApplyResult applied = fixture.seedReset.apply(Fixture.applyTo(DEMO).planHash(null));
        fixture.execute("INSERT INTO fixture.accounts SELECT org_id, gen_random_uuid(), 'Hand-made', 0 FROM fixture.accounts LIMIT 1");

        ResetResult reset = fixture.seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO));

        assertThat(reset.deletedRows()).isEqualTo(16);
        assertThat(reset.reapplied()).singleElement().satisfies(again -> {
            assertThat(again.seed()).isEqualTo(applied.seed());
            assertThat(again.counts()).isEqualTo(applied.counts());
            assertThat(again.applicationId()).isNotEqualTo(applied.applicationId());
        });
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(15);
        assertThat(fixture.count("SELECT count(*) FROM fixture.accounts WHERE name = 'Hand-made'")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_rows")).isEqualTo(15);
    }

    @Test
    void results_list_tables_in_one_order_whatever_wrote_or_read_them() {
        ApplyResult applied = fixture.seedReset.apply(Fixture.applyTo(DEMO));
        ApplicationRecord recorded = fixture.seedReset.history(HistoryRequest.of(DEMO)).applications().get(0);
        TeardownResult removed = fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertThat(applied.counts().keySet()).containsExactly("fixture.accounts", "fixture.entries");
        assertThat(recorded.counts().keySet()).containsExactlyElementsOf(applied.counts().keySet());
        assertThat(removed.deleted().keySet()).containsExactlyElementsOf(applied.counts().keySet());
        assertThatThrownBy(() -> applied.counts().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void history_comes_in_pages_that_together_hold_everything_once() {
        for (int i = 0; i < 3; i++) {
            fixture.seedReset.apply(Fixture.applyTo(DEMO));
            fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        }
        HistoryResult first = fixture.seedReset.history(HistoryRequest.of(DEMO).limit(2));
        assertThat(first.applications()).hasSize(2);
        assertThat(first.audit()).extracting(AuditEntry::operation).containsExactly(AuditOperation.TEARDOWN, AuditOperation.APPLY);
        List<Long> entries = new ArrayList<>();
        List<Long> applications = new ArrayList<>();
        Optional<HistoryRequest> page = Optional.of(HistoryRequest.of(DEMO).limit(2));
        while (page.isPresent()) {
            HistoryResult result = fixture.seedReset.history(page.get());
            result.audit().forEach(e -> entries.add(e.id()));
            result.applications().forEach(a -> applications.add(a.sequence()));
            page = result.next();
        }
        assertThat(entries).hasSize(6).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(applications).hasSize(3).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThatThrownBy(() -> HistoryRequest.of(DEMO).limit(0)).isInstanceOf(SeedResetException.class)
                .hasMessage("a history page holds 1 to 1000 entries, not 0");
        assertThat(fixture.seedReset.organization(DEMO)).get().extracting(o -> o.slug()).isEqualTo(DEMO);
        assertThat(fixture.seedReset.organization("nobody")).isEmpty();
    }

    @Test
    void history_lists_applications_and_attempts_newest_first() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        assertThatThrownBy(() -> fixture.seedReset.apply(Fixture.applyTo(Fixture.PRODUCTION)))
                .isInstanceOf(SeedResetException.class).hasMessageContaining("is a production organization");
        fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        HistoryResult all = fixture.seedReset.history(HistoryRequest.of(null));
        assertThat(all.audit()).extracting(e -> e.operation().label() + ":" + e.outcome().label())
                .containsExactly("teardown:succeeded", "apply:refused", "apply:succeeded");
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit()).hasSize(2);
    }

    @Test
    void a_busy_organization_fails_fast_with_organization_busy() throws Exception {
        SeedReset impatient = Fixture.configure(fixture.dataSource, new LedgerPack()).busyTimeout(Duration.ofMillis(200)).load();
        try (Connection holder = fixture.dataSource.getConnection(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("SELECT * FROM platform.organizations WHERE slug = '" + DEMO + "' FOR UPDATE");
            assertConflict(() -> impatient.apply(Fixture.applyTo(DEMO)), Reason.ORGANIZATION_BUSY,
                    "organization 'demo-co' is busy: another operation holds it (waited 200 ms); try again when it finishes");
            holder.rollback();
        }
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0).outcome()).isEqualTo(AuditOutcome.CONFLICT);
        assertThat(fixture.tenantRows(DEMO)).isZero();
        assertThat(impatient.apply(Fixture.applyTo(DEMO)).status()).isEqualTo(ApplyResult.Status.APPLIED);
    }

    @Test
    void bad_input_gets_one_line_messages_and_changes_nothing() {
        long auditBefore = fixture.count("SELECT count(*) FROM platform.seed_audit");
        assertBadInput(() -> fixture.seedReset.plan(PackRequest.of("nope", DEMO)), Reason.UNKNOWN_PACK,
                "unknown pack 'nope' (installed: fixture-ledger)");
        assertBadInput(() -> fixture.seedReset.apply(Fixture.applyTo("ghost")), Reason.UNKNOWN_ORGANIZATION,
                "unknown organization 'ghost'");
        assertBadInput(() -> fixture.seedReset.plan(PackRequest.of(LedgerPack.ID, DEMO).mode("huge")), Reason.UNKNOWN_MODE,
                "pack 'fixture-ledger' has no mode 'huge': use one of default, large");
        assertBadInput(() -> fixture.seedReset.plan(PackRequest.of(LedgerPack.ID, DEMO).set("accounts", "many")), Reason.INVALID_PARAMETER,
                "parameter 'accounts' of pack 'fixture-ledger' expects an integer between 1 and 10000, got 'many'");
        assertBadInput(() -> fixture.seedReset.plan(PackRequest.of(LedgerPack.ID, DEMO).set("accounts", "0")), Reason.INVALID_PARAMETER,
                "parameter 'accounts' of pack 'fixture-ledger' expects an integer between 1 and 10000, got 0");
        assertBadInput(() -> fixture.seedReset.plan(PackRequest.of(LedgerPack.ID, DEMO).set("colour", "red")), Reason.INVALID_PARAMETER,
                "pack 'fixture-ledger' has no parameter 'colour': its parameters are accounts, entries, break_balance");
        assertBadInput(() -> SeedReset.parseAnchor("next tuesday"), Reason.INVALID_VALUE,
                "anchor 'next tuesday' is not an ISO-8601 instant or date: use e.g. 2026-11-21T09:00:00Z or 2026-11-21");
        assertBadInput(() -> fixture.seedReset.createOrganization("Bad Slug", "x", OrganizationKind.DEMO), Reason.INVALID_VALUE,
                "organization slug 'Bad Slug' is not valid: use 2-63 lower-case letters, digits and dashes, starting with a letter or digit");
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_audit")).isEqualTo(auditBefore);
        assertThat(fixture.tenantRows(DEMO)).isZero();
    }

    @Test
    void nothing_but_a_seed_reset_exception_leaves_the_api_and_a_surprise_keeps_its_cause() {
        // A connection pool in a state nobody foresaw: it throws an unchecked exception, not an SQLException.
        IllegalStateException surprise = new IllegalStateException("pool is shutting down");
        javax.sql.DataSource broken = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    throw surprise;
                });
        SeedReset seedReset = Fixture.configure(broken).load();
        assertThatThrownBy(seedReset::organizations).isInstanceOfSatisfying(SeedResetException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INTERNAL_ERROR);
            assertThat(e.getMessage()).isEqualTo("unexpected IllegalStateException: pool is shutting down");
            assertThat(e.getCause()).isSameAs(surprise);
        });
        assertThatThrownBy(() -> SeedReset.configure().actor("someone").load()).isInstanceOfSatisfying(SeedResetException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CONFIGURATION));
        assertThatThrownBy(() -> fixture.seedReset.reportingTo(null)).isInstanceOfSatisfying(SeedResetException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE));
    }

    @Test
    void a_database_error_keeps_its_cause_and_sql_state() {
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {1});
        SeedReset unreachable = Fixture.configure(nowhere).load();
        assertThatThrownBy(unreachable::organizations).isInstanceOfSatisfying(SeedResetException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.DATABASE_UNAVAILABLE);
            assertThat(e.getMessage()).startsWith("cannot connect to the database: ").doesNotContain("--url");
            assertThat(e.detail(SeedResetException.SQL_STATE)).startsWith("08");
            assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
        });
    }

    @Test
    void an_uninitialised_database_is_reported_with_what_to_do() {
        SeedReset fresh = Fixture.configure(io.seedreset.testing.TestDatabases.newDatabase()).load();
        assertThatThrownBy(fresh::organizations)
                .isInstanceOf(SeedResetException.class)
                .hasMessage("the database is not initialised for Seed & Reset")
                .extracting(e -> ((SeedResetException) e).reason()).isEqualTo(Reason.SCHEMA_NOT_INITIALISED);
        assertThatThrownBy(() -> fresh.apply(Fixture.applyTo(DEMO)))
                .hasMessage("the database is not initialised for Seed & Reset");
    }

    @Test
    void parse_anchor_accepts_instants_offsets_and_dates() {
        assertThat(SeedReset.parseAnchor("2026-03-01T09:30:00Z")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(SeedReset.parseAnchor("2026-03-01T10:30:00+01:00")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(SeedReset.parseAnchor("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    /** A conflict: the reason (of kind CONFLICT) and a part of the message. */
    private static void assertConflict(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOf(SeedResetException.class).hasMessageContaining(message)
                .extracting(e -> ((SeedResetException) e).reason()).isEqualTo(reason);
        assertThat(reason.kind()).isEqualTo(SeedResetException.Kind.CONFLICT);
    }

    /** Bad input: the reason (of kind BAD_INPUT) and the whole message. */
    private static void assertBadInput(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOf(SeedResetException.class).hasMessage(message)
                .extracting(e -> ((SeedResetException) e).reason()).isEqualTo(reason);
        assertThat(reason.kind()).isEqualTo(SeedResetException.Kind.BAD_INPUT);
    }

    private static String text(Fixture fixture, String sql) {
        try (Connection connection = fixture.dataSource.getConnection(); Statement statement = connection.createStatement();
             var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A second pack over the same schema, with its own ids. */
    static final class OtherLedgerPack extends LedgerPack {
        static final String ID = "fixture-other";

        @Override
        public io.seedreset.pack.PackDescriptor descriptor() {
            var base = super.descriptor();
            return new io.seedreset.pack.PackDescriptor(ID, base.version(), "Other", base.description(), base.modules(),
                    base.modes(), base.parameters(), base.requires());
        }
    }
}
