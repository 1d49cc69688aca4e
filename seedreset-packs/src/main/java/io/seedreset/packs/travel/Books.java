package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.travel.Calendar.Quarter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The books themselves: the chart of accounts, the tax rates, the quarters and the journal. Every
 * other part of the generation posts its documents here, and an entry that does not balance never
 * gets in: {@link Entry#post()} refuses it, so a bug in a document's arithmetic fails the plan
 * rather than writing books that do not add up.
 *
 * <p>An entry's id is keyed by the document that posted it, {@code entry/KIND} with the document's
 * key, so adding a document never changes another's ids: {@code opening} 0; {@code depreciation} the
 * quarter's ordinal; {@code invoice}, {@code bill} and {@code supplier} (its payment) the invoice's or
 * bill's key; {@code receipt} and {@code refund} the payment's key; {@code issue} the stock movement's;
 * {@code payroll}, {@code withholding} (its remittance), {@code sales_tax} (the month's remittance),
 * {@code account_fee}, {@code card_fees} and {@code interest} the month's age. Entry numbers, which
 * people read, run in date order and are given only when the journal is written.
 */
final class Books {

    enum Source { OPENING, INVOICE, BILL, PAYMENT, PAYROLL, INVENTORY, BANK, DEPRECIATION }

    /** Lines per entry key: an entry never has more (the largest, the opening entry, has seven). */
    private static final int LINES_PER_ENTRY = 16;

    /** Office equipment is written off over five years: one twentieth a quarter (the quarter-close scenario's too). */
    static final int DEPRECIATION_QUARTERS = 20;

    record Line(String account, BigDecimal debit, BigDecimal credit, String memo) {
    }

    /** A journal entry being put together; {@link #post()} adds it to the journal. */
    final class Entry {

        final UUID id;
        final String kind;
        final int key;
        final LocalDate date;
        final Instant postedAt;
        final Source source;
        final String memo;
        final String createdBy;
        final List<Line> lines = new ArrayList<>();

        private Entry(String kind, int key, LocalDate date, Instant postedAt, Source source, String memo, String createdBy) {
            this.id = ctx.id("entry/" + kind, key);
            this.kind = kind;
            this.key = key;
            this.date = date;
            this.postedAt = postedAt;
            this.source = source;
            this.memo = memo;
            this.createdBy = createdBy;
        }

        /** A debit of a positive amount; a zero amount adds no line (a line is a debit or a credit, never neither). */
        Entry debit(String account, BigDecimal amount, String lineMemo) {
            if (Money.positive(amount)) {
                lines.add(new Line(account, amount, Money.ZERO, lineMemo));
            }
            return this;
        }

        Entry credit(String account, BigDecimal amount, String lineMemo) {
            if (Money.positive(amount)) {
                lines.add(new Line(account, Money.ZERO, amount, lineMemo));
            }
            return this;
        }

        Entry debit(String account, BigDecimal amount) {
            return debit(account, amount, null);
        }

        Entry credit(String account, BigDecimal amount) {
            return credit(account, amount, null);
        }

        /** Adds the entry to the journal, once it balances on at least two lines. */
        Entry post() {
            BigDecimal debits = Money.sum(lines.stream().map(Line::debit).toList());
            BigDecimal credits = Money.sum(lines.stream().map(Line::credit).toList());
            if (debits.compareTo(credits) != 0 || lines.size() < 2 || lines.size() > LINES_PER_ENTRY) {
                throw new IllegalStateException("entry " + kind + "/" + key + " (" + memo + ") debits " + debits + " and credits "
                        + credits + " on " + lines.size() + " lines");
            }
            journal.add(this);
            return this;
        }
    }

    /** A quarter with when it was closed, if it was. */
    record Period(Quarter quarter, UUID id, Instant closedAt) {
    }

    private final PackContext ctx;
    private final Calendar calendar;
    private final Map<String, UUID> accounts = new HashMap<>();
    private final List<Entry> journal = new ArrayList<>();
    private final List<Period> periods = new ArrayList<>();
    final UUID serviceFeeTax;
    final UUID exempt;

    Books(PackContext ctx, Calendar calendar) {
        this.ctx = ctx;
        this.calendar = calendar;
        for (int i = 0; i < Chart.ACCOUNTS.size(); i++) {
            accounts.put(Chart.ACCOUNTS.get(i).code(), ctx.id("account", i));
        }
        this.serviceFeeTax = ctx.id("tax_rate", Chart.TAX_RATES.indexOf(Chart.SERVICE_FEE_TAX));
        this.exempt = ctx.id("tax_rate", Chart.TAX_RATES.indexOf(Chart.EXEMPT));
        for (Quarter quarter : calendar.quarters()) {
            Instant closedAt = null;
            if (calendar.closed(quarter)) {
                // The accountant closes a quarter a couple of weeks after it ends, once the last bills are in.
                Draw draw = ctx.draw("period", quarter.ordinal());
                closedAt = Calendar.atOfficeHours(draw, Calendar.weekdayOnOrAfter(quarter.endsOn().plusDays(draw.between(10, 16))));
            }
            periods.add(new Period(quarter, ctx.id("period", quarter.ordinal()), closedAt));
        }
    }

    UUID account(String code) {
        UUID id = accounts.get(code);
        if (id == null) {
            throw new IllegalArgumentException("no account " + code + " in the chart");
        }
        return id;
    }

    Entry entry(String kind, int key, LocalDate date, Instant postedAt, Source source, String memo, String createdBy) {
        return new Entry(kind, key, date, postedAt, source, memo, createdBy);
    }

    /**
     * The balances the company brought onto the platform on the first day of the history: cash in
     * both bank accounts, office equipment net of what was already depreciated, and the equity that
     * funds them. Nothing was owed either way yet: receivables and payables start empty.
     */
    void open(BigDecimal operating, BigDecimal reserve, BigDecimal equipment, BigDecimal depreciated, BigDecimal capital) {
        BigDecimal retained = operating.add(reserve).add(equipment).subtract(depreciated).subtract(capital);
        entry("opening", 0, calendar.start, Calendar.atOfficeHours(ctx.draw("opening", 0), calendar.start), Source.OPENING,
                "Opening balances brought forward", Personas.ACCOUNTANT.email())
                .debit(Chart.OPERATING, operating, "Operating Account balance")
                .debit(Chart.RESERVE, reserve, "Reserve Savings balance")
                .debit(Chart.OFFICE_EQUIPMENT, equipment, "Office equipment at cost")
                .credit(Chart.ACCUMULATED_DEPRECIATION, depreciated, "Depreciation to date")
                .credit(Chart.OWNERS_CAPITAL, capital, "Owner's capital")
                .credit(Chart.RETAINED_EARNINGS, retained, "Earnings retained in earlier years")
                .post();
        depreciation(equipment);
    }

    /**
     * Each closed quarter's depreciation, posted on its last day as part of closing it: the open
     * quarters have none yet (closing the last complete one is the quarter-close scenario's story).
     */
    private void depreciation(BigDecimal equipment) {
        BigDecimal perQuarter = equipment.divide(BigDecimal.valueOf(DEPRECIATION_QUARTERS), 2, java.math.RoundingMode.HALF_UP);
        for (Period period : periods) {
            if (period.closedAt() == null || period.quarter().endsOn().isBefore(calendar.start)) {
                continue;
            }
            entry("depreciation", period.quarter().ordinal(), period.quarter().endsOn(), period.closedAt().minus(Duration.ofHours(1)),
                    Source.DEPRECIATION, "Depreciation of office equipment, " + period.quarter().name(), Personas.ACCOUNTANT.email())
                    .debit(Chart.DEPRECIATION, perQuarter)
                    .credit(Chart.ACCUMULATED_DEPRECIATION, perQuarter)
                    .post();
        }
    }

    // ---------------------------------------------------------------- rows

    void writeChart(RowSink sink) {
        Instant setUp = Calendar.atOfficeHours(ctx.draw("account", 0), calendar.start.minusDays(3));
        for (int i = 0; i < Chart.ACCOUNTS.size(); i++) {
            Chart.Account account = Chart.ACCOUNTS.get(i);
            sink.add("accounting.accounts", Row.withId(ctx.id("account", i))
                    .set("code", account.code())
                    .set("name", account.name())
                    .set("type", account.type())
                    .set("control", account.control())
                    .set("currency", Money.USD)
                    .set("active", true)
                    .set("created_at", setUp));
        }
        for (int i = 0; i < Chart.TAX_RATES.size(); i++) {
            Chart.TaxRate rate = Chart.TAX_RATES.get(i);
            sink.add("accounting.tax_rates", Row.withId(ctx.id("tax_rate", i))
                    .set("name", rate.name())
                    .set("rate", rate.rate())
                    .set("account_id", account(Chart.SALES_TAX))
                    .set("active", true));
        }
        for (Period period : periods) {
            sink.add("accounting.periods", Row.withId(period.id())
                    .set("name", period.quarter().name())
                    .set("starts_on", period.quarter().startsOn())
                    .set("ends_on", period.quarter().endsOn())
                    .set("status", period.closedAt() == null ? "OPEN" : "CLOSED")
                    .set("closed_at", period.closedAt())
                    .set("closed_by", period.closedAt() == null ? null : Personas.ACCOUNTANT.email()));
        }
    }

    /** The journal in date order, numbered as it is written: JE-000001 is the opening entry. */
    void writeJournal(RowSink sink) {
        List<Entry> ordered = journal.stream()
                .sorted(Comparator.comparing((Entry e) -> e.date).thenComparing(e -> e.postedAt).thenComparing(e -> e.kind)
                        .thenComparingInt(e -> e.key))
                .toList();
        for (int n = 0; n < ordered.size(); n++) {
            Entry entry = ordered.get(n);
            sink.add("accounting.journal_entries", Row.withId(entry.id)
                    .set("entry_number", String.format(Locale.ROOT, "JE-%06d", n + 1))
                    .set("entry_date", entry.date)
                    .set("posted_at", entry.postedAt)
                    .set("source", entry.source.name())
                    .set("memo", entry.memo)
                    .set("currency", Money.USD)
                    .set("created_by", entry.createdBy));
        }
        for (Entry entry : ordered) {
            for (int l = 0; l < entry.lines.size(); l++) {
                Line line = entry.lines.get(l);
                sink.add("accounting.journal_lines", Row.withId(ctx.id("entry_line/" + entry.kind, entry.key * LINES_PER_ENTRY + l))
                        .set("entry_id", entry.id)
                        .set("line_no", l + 1)
                        .set("account_id", account(line.account()))
                        .set("debit", line.debit())
                        .set("credit", line.credit())
                        .set("memo", line.memo()));
            }
        }
    }
}
