package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.travel.Payments.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The two bank accounts at Harborline Bank and what their statements show: one line per payment
 * (a card payment settling a day or two after it was made), payroll and the remittances of what it
 * withheld, the sales tax paid over each month, the bank's fees and the savings interest. Each
 * statement up to the end of last month has been reconciled: its lines matched and its closing
 * balance agreed with the books; this month's lines are not matched yet.
 */
final class Banking {

    static final int OPERATING = 0;
    static final int RESERVE = 1;

    /** A card processor's cut of the card payments it settled, and the bank's monthly charge. */
    private static final double CARD_FEE = 0.025;
    private static final BigDecimal ACCOUNT_FEE = Money.dollars(30);
    /** What the savings account pays a year. */
    private static final double SAVINGS_RATE = 0.036;

    record Account(int ordinal, UUID id, String name, String last4, String glCode, BigDecimal opening) {
    }

    /** One statement line; {@code kind} and {@code key} make its id. Exactly one of payment and entry is set. */
    record Transaction(String kind, int key, int account, LocalDate postedOn, String description, BigDecimal amount, UUID paymentId,
                       UUID entryId, Instant createdAt) {
    }

    private record Reconciliation(UUID id, Account account, LocalDate statementDate, BigDecimal statementBalance, Instant reconciledAt) {
    }

    private final PackContext ctx;
    private final Calendar calendar;
    private final Books books;
    final List<Account> accounts;
    private final List<Transaction> transactions = new ArrayList<>();
    private final List<Reconciliation> reconciliations = new ArrayList<>();

    Banking(PackContext ctx, Calendar calendar, Books books, BigDecimal operating, BigDecimal reserve) {
        this.ctx = ctx;
        this.calendar = calendar;
        this.books = books;
        this.accounts = List.of(
                new Account(OPERATING, ctx.id("bank_account", OPERATING), "Operating Account", "4417", Chart.OPERATING, operating),
                new Account(RESERVE, ctx.id("bank_account", RESERVE), "Reserve Savings", "8832", Chart.RESERVE, reserve));
    }

    UUID operatingId() {
        return accounts.get(OPERATING).id();
    }

    /** A line on the operating account for an entry that has no payment: net pay, a remittance, a fee. */
    void record(String kind, int key, LocalDate on, String description, BigDecimal amount, Books.Entry entry) {
        record(kind, key, OPERATING, on, description, amount, entry);
    }

    private void record(String kind, int key, int account, LocalDate on, String description, BigDecimal amount, Books.Entry entry) {
        transactions.add(new Transaction(kind, key, account, on, description, amount, null, entry.id,
                Calendar.atOfficeHours(ctx.draw("bank_transaction/" + kind, key), on)));
    }

    /** One line per payment, on the day the money moved. */
    void payments(List<Payment> payments) {
        for (Payment payment : payments) {
            String description = switch (payment.direction()) {
                case RECEIVED -> (payment.method().equals("CARD") ? "Card settlement: " : "Deposit: ") + payment.counterparty();
                case SENT -> switch (payment.method()) {
                    case "ACH" -> "ACH payment to ";
                    case "CHECK" -> "Check paid to ";
                    case "CARD" -> "Card payment to ";
                    default -> "Wire transfer to ";
                } + payment.counterparty();
                case REFUND -> "Refund to " + payment.counterparty();
            };
            transactions.add(new Transaction(payment.kind(), payment.key(), OPERATING, payment.settlesOn(), description,
                    payment.signedAmount(), payment.id(), null,
                    Calendar.atOfficeHours(ctx.draw("bank_transaction/" + payment.kind(), payment.key()), payment.settlesOn())));
        }
    }

    /** The sales tax invoiced in a month, paid over to the state on the 20th of the next. */
    void salesTax(Map<Integer, BigDecimal> taxByMonth) {
        for (Map.Entry<Integer, BigDecimal> month : taxByMonth.entrySet()) {
            int age = month.getKey();
            LocalDate on = Calendar.weekdayOnOrAfter(calendar.month(age).plusMonths(1).atDay(20));
            if (age == 0 || !calendar.happened(on) || !Money.positive(month.getValue())) {
                continue;
            }
            String memo = "Sales tax for " + name(calendar.month(age)) + " paid to the Illinois Department of Revenue";
            Books.Entry entry = books.entry("sales_tax", age, on, Calendar.atOfficeHours(ctx.draw("sales_tax", age), on), Books.Source.BANK,
                    memo, Personas.ACCOUNTANT.email())
                    .debit(Chart.SALES_TAX, month.getValue())
                    .credit(Chart.OPERATING, month.getValue())
                    .post();
            record("sales_tax", age, on, "Sales tax payment", month.getValue().negate(), entry);
        }
    }

    /**
     * What the bank itself puts on the statements at each month's end: its account fee and the card
     * processor's fees on the operating account, the interest on the savings.
     */
    void monthEnds() {
        BigDecimal savings = accounts.get(RESERVE).opening();
        for (int age : calendar.ages()) {
            LocalDate end = calendar.month(age).atEndOfMonth();
            if (!calendar.happened(end)) {
                continue;
            }
            String month = name(calendar.month(age));
            Draw draw = ctx.draw("month_end", age);
            Instant at = Calendar.atOfficeHours(draw, end);
            Books.Entry fee = books.entry("account_fee", age, end, at, Books.Source.BANK, "Account fee, " + month, Personas.ACCOUNTANT.email())
                    .debit(Chart.BANK_FEES, ACCOUNT_FEE)
                    .credit(Chart.OPERATING, ACCOUNT_FEE)
                    .post();
            record("account_fee", age, end, "Monthly account fee", ACCOUNT_FEE.negate(), fee);
            BigDecimal cards = Money.sum(transactions.stream()
                    .filter(t -> t.kind().equals("receipt") && t.description().startsWith("Card settlement")
                            && t.postedOn().getYear() == end.getYear() && t.postedOn().getMonth() == end.getMonth())
                    .map(Transaction::amount).toList());
            BigDecimal cardFees = Money.share(cards, CARD_FEE);
            if (Money.positive(cardFees)) {
                Books.Entry entry = books.entry("card_fees", age, end, at, Books.Source.BANK, "Card processing fees, " + month,
                        Personas.ACCOUNTANT.email())
                        .debit(Chart.BANK_FEES, cardFees)
                        .credit(Chart.OPERATING, cardFees)
                        .post();
                record("card_fees", age, end, "Card processing fees", cardFees.negate(), entry);
            }
            BigDecimal interest = Money.share(savings, SAVINGS_RATE / 12);
            savings = savings.add(interest);
            Books.Entry entry = books.entry("interest", age, end, at, Books.Source.BANK, "Savings interest, " + month,
                    Personas.ACCOUNTANT.email())
                    .debit(Chart.RESERVE, interest)
                    .credit(Chart.INTEREST_INCOME, interest)
                    .post();
            record("interest", age, RESERVE, end, "Interest paid", interest, entry);
        }
    }

    /**
     * Reconciles every month's statement up to the end of last month: the accountant matches its
     * lines a few days after it closes and agrees its closing balance with the books.
     */
    void reconcile() {
        for (Account account : accounts) {
            BigDecimal balance = account.opening();
            for (int age : calendar.ages()) {
                LocalDate end = calendar.month(age).atEndOfMonth();
                if (!calendar.happened(end)) {
                    continue;
                }
                for (Transaction t : transactions) {
                    if (t.account() == account.ordinal() && !t.postedOn().isAfter(end) && !t.postedOn().isBefore(end.withDayOfMonth(1))) {
                        balance = balance.add(t.amount());
                    }
                }
                int key = 100 * account.ordinal() + age;
                Draw draw = ctx.draw("reconciliation", key);
                LocalDate on = Calendar.earlier(Calendar.weekdayOnOrAfter(end.plusDays(draw.between(2, 6))), calendar.yesterday());
                reconciliations.add(new Reconciliation(ctx.id("reconciliation", key), account, end, balance,
                        Calendar.atOfficeHours(draw, on)));
            }
        }
    }

    BigDecimal balance(Account account) {
        return account.opening().add(Money.sum(transactions.stream().filter(t -> t.account() == account.ordinal())
                .map(Transaction::amount).toList()));
    }

    private static String name(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
    }

    // ---------------------------------------------------------------- rows

    void writeAccounts(RowSink sink) {
        for (Account account : accounts) {
            sink.add("accounting.bank_accounts", Row.withId(account.id())
                    .set("name", account.name())
                    .set("bank_name", "Harborline Bank")
                    .set("account_last4", account.last4())
                    .set("account_id", books.account(account.glCode()))
                    .set("currency", Money.USD)
                    .set("opening_date", calendar.start)
                    .set("opening_balance", account.opening())
                    .set("balance", balance(account))
                    .set("created_at", Calendar.atOfficeHours(ctx.draw("bank_account", account.ordinal()), calendar.start.minusDays(2))));
        }
    }

    /** The reconciliations, then the statement lines, each matched to the statement that covers its day (if any yet). */
    void writeStatements(RowSink sink) {
        for (Reconciliation r : reconciliations) {
            sink.add("accounting.reconciliations", Row.withId(r.id())
                    .set("bank_account_id", r.account().id())
                    .set("statement_date", r.statementDate())
                    .set("statement_balance", r.statementBalance())
                    .set("reconciled_at", r.reconciledAt())
                    .set("reconciled_by", Personas.ACCOUNTANT.email()));
        }
        List<Transaction> ordered = transactions.stream().sorted(Comparator.comparingInt(Transaction::account)
                .thenComparing(Transaction::postedOn).thenComparing(Transaction::kind).thenComparingInt(Transaction::key)).toList();
        for (Transaction t : ordered) {
            UUID reconciliation = reconciliations.stream()
                    .filter(r -> r.account().ordinal() == t.account() && YearMonth.from(r.statementDate()).equals(YearMonth.from(t.postedOn())))
                    .map(Reconciliation::id).findFirst().orElse(null);
            sink.add("accounting.bank_transactions", Row.withId(ctx.id("bank_transaction/" + t.kind(), t.key()))
                    .set("bank_account_id", accounts.get(t.account()).id())
                    .set("posted_on", t.postedOn())
                    .set("description", t.description())
                    .set("amount", t.amount())
                    .set("payment_id", t.paymentId())
                    .set("entry_id", t.entryId())
                    .set("reconciliation_id", reconciliation)
                    .set("created_at", t.createdAt()));
        }
    }
}
