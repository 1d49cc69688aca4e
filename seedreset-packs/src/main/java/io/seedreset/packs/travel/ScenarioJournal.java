package io.seedreset.packs.travel;

import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackFailure;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import java.math.BigDecimal;
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
 * The journal entries a scenario posts into the books demo-travel-co keeps ({@link QuarterClosePack},
 * {@link CashCrunchPack}). Unlike {@link Books}, which writes a whole history, a scenario adds to
 * books that are already there, and that people may have added to since: it finds the accounts by
 * code in the organization's chart, and numbers its entries after the organization's last one. An
 * entry that does not balance never gets in ({@link Entry#post()}), as in {@link Books}.
 *
 * <p>Everything is read when the journal is made, before the scenario writes anything, so that plan
 * and apply see the same books.
 */
final class ScenarioJournal {

    /** Lines per entry key, as {@link Books} keys them: an entry's lines are {@code 16 * key + n}. */
    private static final int LINES_PER_ENTRY = 16;

    private record Line(UUID account, BigDecimal debit, BigDecimal credit, String memo) {
    }

    /** A journal entry being put together; {@link #post()} adds it to the journal. */
    final class Entry {

        final UUID id;
        private final String kind;
        private final int key;
        private final LocalDate date;
        private final Instant postedAt;
        private final String source;
        private final String memo;
        private final List<Line> lines = new ArrayList<>();

        private Entry(String kind, int key, LocalDate date, Instant postedAt, String source, String memo) {
            this.id = ctx.id("entry/" + kind, key);
            this.kind = kind;
            this.key = key;
            this.date = date;
            this.postedAt = postedAt;
            this.source = source;
            this.memo = memo;
        }

        /** A debit of a positive amount; a zero amount adds no line. */
        Entry debit(String code, BigDecimal amount, String lineMemo) {
            if (Money.positive(amount)) {
                lines.add(new Line(account(code), amount, Money.ZERO, lineMemo));
            }
            return this;
        }

        Entry credit(String code, BigDecimal amount, String lineMemo) {
            if (Money.positive(amount)) {
                lines.add(new Line(account(code), Money.ZERO, amount, lineMemo));
            }
            return this;
        }

        /** Adds the entry to the journal, once it balances on at least two lines. */
        Entry post() {
            BigDecimal debits = Money.sum(lines.stream().map(Line::debit).toList());
            BigDecimal credits = Money.sum(lines.stream().map(Line::credit).toList());
            if (debits.compareTo(credits) != 0 || lines.size() < 2 || lines.size() > LINES_PER_ENTRY) {
                throw new IllegalStateException("entry " + kind + "/" + key + " (" + memo + ") debits " + debits + " and credits "
                        + credits + " on " + lines.size() + " lines");
            }
            entries.add(this);
            return this;
        }
    }

    private final PackContext ctx;
    private final Map<String, UUID> accounts = new HashMap<>();
    private final Map<String, String> accountNames = new HashMap<>();
    private final long lastNumber;
    private final List<Entry> entries = new ArrayList<>();

    ScenarioJournal(PackContext ctx) {
        this.ctx = ctx;
        for (Map<String, Object> account : ctx.query("SELECT code, id, name FROM accounting.accounts WHERE org_id = :org ORDER BY code")) {
            accounts.put((String) account.get("code"), (UUID) account.get("id"));
            accountNames.put((String) account.get("code"), (String) account.get("name"));
        }
        this.lastNumber = lastNumber(ctx, "accounting.journal_entries", "entry_number", "JE-");
    }

    /** The id of the account with this code in the organization's chart. */
    UUID account(String code) {
        UUID id = accounts.get(code);
        if (id == null) {
            throw new PackFailure("the chart of accounts here has no account " + code + ": apply " + DemoTravelCoPack.ID + " first");
        }
        return id;
    }

    /** The account's name as the organization's chart has it ("Utilities & Telephone"). */
    String accountName(String code) {
        account(code);
        return accountNames.get(code);
    }

    /**
     * An entry of the scenario, recorded by the accountant. Its id is keyed by {@code kind} and
     * {@code key} in the scenario's own ids, so adding an entry never changes another's.
     */
    Entry entry(String kind, int key, LocalDate date, Instant postedAt, String source, String memo) {
        return new Entry(kind, key, date, postedAt, source, memo);
    }

    /**
     * The highest number after {@code prefix} among a column's values in the organization ("JE-" and
     * JE-001851 give 1851), or 0: documents people read numbers on (entries, payments, invoices) carry
     * on from there.
     *
     * <p>The other party numbering these documents is the accounting API (DocumentNumbers in
     * seedreset-platform), which takes a lock on the organization's numbers of the table,
     * {@code pg_advisory_xact_lock(hashtextextended(table || '.numbers:' || organization, 0))}, before it
     * reads the latest. The scenario takes the same lock before reading the highest, held until the
     * apply commits, so that a person posting through the API meanwhile waits and numbers after the
     * scenario's documents instead of drawing the same number. The API takes a document's lock before
     * the entries' one; callers take theirs in that order too (invoices, payments, then entries), so
     * the two never wait on each other in a cycle. (In plan the lock is taken and let go like apply's:
     * nothing is written.)
     */
    static long lastNumber(PackContext ctx, String table, String column, String prefix) {
        ctx.query("SELECT pg_advisory_xact_lock(hashtextextended(? || '.numbers:' || :org::text, 0))::text AS locked", table);
        Object last = ctx.query("SELECT max(substring(" + column + " FROM '^' || ? || '([0-9]+)$')::bigint) AS last FROM " + table
                + " WHERE org_id = :org", prefix).get(0).get("last");
        return last == null ? 0 : ((Number) last).longValue();
    }

    /** The entries in date order, numbered after the organization's last one, then their lines. */
    void write(RowSink sink) {
        List<Entry> ordered = entries.stream()
                .sorted(Comparator.comparing((Entry e) -> e.date).thenComparing(e -> e.postedAt).thenComparing(e -> e.kind)
                        .thenComparingInt(e -> e.key))
                .toList();
        for (int n = 0; n < ordered.size(); n++) {
            Entry entry = ordered.get(n);
            sink.add("accounting.journal_entries", Row.withId(entry.id)
                    .set("entry_number", String.format(Locale.ROOT, "JE-%06d", lastNumber + n + 1))
                    .set("entry_date", entry.date)
                    .set("posted_at", entry.postedAt)
                    .set("source", entry.source)
                    .set("memo", entry.memo)
                    .set("currency", Money.USD)
                    .set("created_by", Personas.ACCOUNTANT.email()));
        }
        for (Entry entry : ordered) {
            for (int l = 0; l < entry.lines.size(); l++) {
                Line line = entry.lines.get(l);
                sink.add("accounting.journal_lines", Row.withId(ctx.id("entry_line/" + entry.kind, entry.key * LINES_PER_ENTRY + l))
                        .set("entry_id", entry.id)
                        .set("line_no", l + 1)
                        .set("account_id", line.account())
                        .set("debit", line.debit())
                        .set("credit", line.credit())
                        .set("memo", line.memo()));
            }
        }
    }
}
