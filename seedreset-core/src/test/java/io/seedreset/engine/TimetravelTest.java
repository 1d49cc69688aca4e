package io.seedreset.engine;

import static io.seedreset.fixture.Fixture.DEMO;
import static io.seedreset.fixture.Fixture.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TimetravelRequest;
import io.seedreset.api.TimetravelResult;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerActivityPack;
import io.seedreset.fixture.LedgerPack;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time travel on the fixture: the clock goes months ahead with a day's activity posted for every day
 * skipped, and back again to exactly the rows there were (every tenant table compared as text).
 */
class TimetravelTest {

    private final Fixture fixture = new Fixture(new LedgerActivityPack());
    private final SeedReset seedReset = fixture.seedReset;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @BeforeEach
    void applied() {
        seedReset.apply(ApplyRequest.of(PackRequest.of(LedgerPack.ID, DEMO)).confirm(DEMO));
    }

    @AfterEach
    void the_invariant_holds() {
        assertThat(fixture.seededRowsInProduction()).isZero();
        assertThat(fixture.miscountedOrganizations()).isZero();
    }

    private List<String> state() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("fixture.accounts", "fixture.entries", "fixture.account_notes", "fixture.profiles")) {
            rows.add("-- " + table);
            rows.addAll(fixture.strings("SELECT t::text FROM " + table + " t ORDER BY t.id"));
        }
        return rows;
    }

    @Test
    void ahead_posts_every_skipped_day_and_back_leaves_exactly_the_rows_there_were() {
        seedReset.activity(ActivityRequest.of(DEMO).confirm(DEMO));
        List<String> before = state();

        TimetravelResult ahead = seedReset.timetravel(TimetravelRequest.of(DEMO, 2).confirm(DEMO));

        assertThat(ahead.fromMonths()).isZero();
        assertThat(ahead.toMonths()).isEqualTo(2);
        assertThat(ahead.today()).isEqualTo(TODAY.plusMonths(2));
        assertThat(ahead.posted()).singleElement().satisfies(run -> assertThat(run.days())
                .isEqualTo(TODAY.plusDays(1).datesUntil(TODAY.plusMonths(2).plusDays(1)).toList()));
        assertThat(fixture.count("SELECT count(*) FROM fixture.entries WHERE memo LIKE 'activity of 2027-01-21'")).isEqualTo(1);
        assertThat(seedReset.requireOrganization(DEMO).clockMonths()).isEqualTo(2);
        assertThat(seedReset.validate(DEMO).passed()).isTrue();
        // The organization's activity now follows its own today.
        assertThat(seedReset.activity(ActivityRequest.of(DEMO).confirm(DEMO)).to()).isEqualTo(TODAY.plusMonths(2));

        TimetravelResult back = seedReset.timetravel(TimetravelRequest.of(DEMO, -2).confirm(DEMO));

        assertThat(back.toMonths()).isZero();
        assertThat(back.removed()).hasSize(1);
        assertThat(state()).isEqualTo(before);
        assertThat(seedReset.requireOrganization(DEMO).clockMonths()).isZero();
        assertThat(seedReset.history(HistoryRequest.of(DEMO)).audit()).extracting(a -> a.operation().label() + " " + a.outcome())
                .contains("timetravel SUCCEEDED");
    }

    @Test
    void ahead_in_steps_and_back_a_step_removes_only_that_steps_days() {
        seedReset.timetravel(TimetravelRequest.of(DEMO, 1).confirm(DEMO));
        List<String> afterFirst = state();
        seedReset.timetravel(TimetravelRequest.of(DEMO, 2).confirm(DEMO));

        TimetravelResult back = seedReset.timetravel(TimetravelRequest.of(DEMO, -2).confirm(DEMO));

        assertThat(back.toMonths()).isEqualTo(1);
        assertThat(state()).isEqualTo(afterFirst);
    }

    @Test
    void the_clock_stays_within_a_year_and_production_is_refused_with_nothing_written() {
        List<String> before = state();
        assertThatThrownBy(() -> seedReset.timetravel(TimetravelRequest.of(DEMO, 13).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE));
        assertThatThrownBy(() -> seedReset.timetravel(TimetravelRequest.of(DEMO, -1).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("organization 'demo-co' runs 0 month(s) ahead; its clock runs 0 to 12 months ahead, not -1"));
        assertThatThrownBy(() -> seedReset.timetravel(TimetravelRequest.of(DEMO, 3)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFIRMATION_REQUIRED));
        assertThatThrownBy(() -> seedReset.timetravel(TimetravelRequest.of(PRODUCTION, 3).confirm(PRODUCTION)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        assertThat(state()).isEqualTo(before);
        assertThat(seedReset.requireOrganization(PRODUCTION).clockMonths()).isZero();
        assertThat(seedReset.history(HistoryRequest.of(PRODUCTION)).audit()).extracting(a -> a.operation().label() + " " + a.outcome())
                .containsExactly("timetravel REFUSED");
    }

    @Test
    void a_dry_run_says_what_going_ahead_would_post_and_writes_nothing() {
        List<String> before = state();
        TimetravelResult preview = seedReset.previewTimetravel(TimetravelRequest.of(DEMO, 1));
        assertThat(preview.posted()).singleElement().satisfies(run -> assertThat(run.totalRows()).isEqualTo(run.days().size()));
        assertThat(state()).isEqualTo(before);
        assertThat(seedReset.requireOrganization(DEMO).clockMonths()).isZero();
    }
}
