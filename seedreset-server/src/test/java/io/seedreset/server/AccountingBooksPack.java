package io.seedreset.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A small set of books for the accounting API's tests, seeded through the engine as the demo-travel-co pack seeds
 * its own (the shared contract's chart, personas, periods and posting conventions), with every figure chosen by hand so
 * that a test can say what each report must answer: a travel agency's last sixteen months to the anchor, 2026-11-21.
 *
 * <p>The documents, in date order (each posts its entry, JE-000001 on): the opening balances; nine invoices, one paid
 * long ago, one paid by card with 32.00 over (the customer's credit), one partly paid, the rest open in every aging
 * bucket, and a draft; six bills likewise; the September and October payrolls; a bank fee and interest. The bank
 * statement of the Operating Account is reconciled to 2026-09-30. Q3 2025 to Q2 2026 are closed; Q3 and Q4 2026 open.
 * Its invariants are the rules the real pack checks, so that a test can validate the books after a workflow.
 */
final class AccountingBooksPack implements SeedPack {

    static final String ID = "accounting-test-books";
    static final String PASSWORD = "DemoTravel!2026";
    static final String OWNER = "owner.demo@example.test";
    static final String ACCOUNTANT = "accountant.demo@example.test";
    /** A person of the organization who keeps no books: an event planner of the agency modules. */
    static final String PLANNER = "planner.demo@example.test";

    /** Hashed once with a fixed salt, as the packs do, so that the rows are the same on every apply. */
    private static final String PASSWORD_HASH = new String(BCrypt.withDefaults().hash(4, "AccountingBooks!".getBytes(StandardCharsets.UTF_8),
            PASSWORD.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    private static final String USD = "USD";
    private static final BigDecimal TAX_RATE = new BigDecimal("0.0600");

    /** The shared contract's chart: code, name, type, control (or null). */
    private static final List<String[]> CHART = List.of(
            new String[] {"1000", "Operating Account", "ASSET", null},
            new String[] {"1010", "Reserve Savings", "ASSET", null},
            new String[] {"1100", "Accounts Receivable", "ASSET", "RECEIVABLES"},
            new String[] {"1200", "Inventory: Brochures & Travel Kits", "ASSET", "INVENTORY"},
            new String[] {"1300", "Prepaid Supplier Deposits", "ASSET", null},
            new String[] {"1500", "Office Equipment", "ASSET", null},
            new String[] {"1510", "Accumulated Depreciation", "ASSET", null},
            new String[] {"2000", "Accounts Payable", "LIABILITY", "PAYABLES"},
            new String[] {"2100", "Sales Tax Payable", "LIABILITY", "SALES_TAX"},
            new String[] {"2200", "Customer Credits", "LIABILITY", "CUSTOMER_CREDIT"},
            new String[] {"2300", "Payroll Liabilities", "LIABILITY", "PAYROLL_LIABILITIES"},
            new String[] {"2400", "Accrued Expenses", "LIABILITY", "ACCRUED_EXPENSES"},
            new String[] {"3000", "Owner's Capital", "EQUITY", null},
            new String[] {"3900", "Retained Earnings", "EQUITY", "RETAINED_EARNINGS"},
            new String[] {"4000", "Tour Packages", "REVENUE", null},
            new String[] {"4100", "Group Trips", "REVENUE", null},
            new String[] {"4200", "Corporate Travel Fees", "REVENUE", null},
            new String[] {"4900", "Interest Income", "REVENUE", null},
            new String[] {"5000", "Airfare", "EXPENSE", null},
            new String[] {"5100", "Accommodation", "EXPENSE", null},
            new String[] {"5200", "Ground Transport & Guides", "EXPENSE", null},
            new String[] {"6000", "Salaries & Wages", "EXPENSE", null},
            new String[] {"6100", "Rent", "EXPENSE", null},
            new String[] {"6200", "Marketing & Brochures", "EXPENSE", null},
            new String[] {"6300", "Software & Subscriptions", "EXPENSE", null},
            new String[] {"6400", "Bank & Card Fees", "EXPENSE", null},
            new String[] {"6500", "Professional Fees", "EXPENSE", null},
            new String[] {"6600", "Depreciation", "EXPENSE", null},
            new String[] {"6700", "Utilities & Telephone", "EXPENSE", null});

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor(ID, "1.0.0", "Accounting test books", "Sixteen months of a travel agency's books, every figure known",
                List.of("identity", "suppliers", "accounting"), List.of(Mode.of("default", "the books", Map.of())), List.of(), List.of());
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        new Books(context, sink).write();
    }

    @Override
    public List<Invariant> invariants() {
        return List.of(
                new Invariant("every journal entry balances", """
                        SELECT e.entry_number FROM accounting.journal_entries e JOIN accounting.journal_lines l ON l.org_id = e.org_id AND l.entry_id = e.id
                         WHERE e.org_id = :org GROUP BY e.entry_number HAVING sum(l.debit) <> sum(l.credit)"""),
                new Invariant("the trial balance sums to zero", """
                        SELECT 'debits ' || sum(debit) || ', credits ' || sum(credit) FROM accounting.journal_lines WHERE org_id = :org
                        HAVING sum(debit) <> sum(credit)"""),
                new Invariant("an invoice's balance is its total less its allocations", """
                        SELECT i.invoice_number FROM accounting.invoices i
                         WHERE i.org_id = :org AND i.balance <> i.total - coalesce((SELECT sum(amount) FROM accounting.payment_allocations a
                                                                                       WHERE a.org_id = i.org_id AND a.invoice_id = i.id), 0)"""),
                new Invariant("an invoice's status follows its balance", """
                        SELECT invoice_number FROM accounting.invoices WHERE org_id = :org AND status IN ('ISSUED', 'PARTIALLY_PAID', 'PAID')
                           AND status <> CASE WHEN balance = 0 THEN 'PAID' WHEN balance = total THEN 'ISSUED' ELSE 'PARTIALLY_PAID' END"""),
                new Invariant("a bill's balance is its total less its allocations", """
                        SELECT b.bill_number FROM accounting.bills b
                         WHERE b.org_id = :org AND b.balance <> b.total - coalesce((SELECT sum(amount) FROM accounting.payment_allocations a
                                                                                     WHERE a.org_id = b.org_id AND a.bill_id = b.id), 0)"""),
                new Invariant("no payment allocates more than its amount", """
                        SELECT p.payment_number FROM accounting.payments p JOIN accounting.payment_allocations a ON a.org_id = p.org_id AND a.payment_id = p.id
                         WHERE p.org_id = :org GROUP BY p.payment_number, p.amount HAVING sum(a.amount) > p.amount"""),
                new Invariant("a bank account's balance is its opening balance plus its transactions", """
                        SELECT b.name FROM accounting.bank_accounts b WHERE b.org_id = :org AND b.balance <> b.opening_balance
                           + coalesce((SELECT sum(amount) FROM accounting.bank_transactions t WHERE t.org_id = b.org_id AND t.bank_account_id = b.id), 0)"""),
                new Invariant("every payment has one bank transaction of its amount", """
                        SELECT p.payment_number FROM accounting.payments p
                         WHERE p.org_id = :org AND (SELECT count(*) FROM accounting.bank_transactions t WHERE t.org_id = p.org_id AND t.payment_id = p.id
                                                      AND t.amount = CASE p.direction WHEN 'RECEIVED' THEN p.amount ELSE -p.amount END) <> 1"""),
                new Invariant("receivables equal the open invoices", """
                        SELECT 'receivables ' || coalesce(sum(l.debit - l.credit), 0) FROM accounting.journal_lines l
                          JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id AND a.control = 'RECEIVABLES'
                         WHERE l.org_id = :org
                        HAVING coalesce(sum(l.debit - l.credit), 0) <> (SELECT coalesce(sum(balance), 0) FROM accounting.invoices
                                                                         WHERE org_id = :org AND status IN ('ISSUED', 'PARTIALLY_PAID'))"""),
                new Invariant("payables equal the open bills", """
                        SELECT 'payables ' || coalesce(sum(l.credit - l.debit), 0) FROM accounting.journal_lines l
                          JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id AND a.control = 'PAYABLES'
                         WHERE l.org_id = :org
                        HAVING coalesce(sum(l.credit - l.debit), 0) <> (SELECT coalesce(sum(balance), 0) FROM accounting.bills
                                                                         WHERE org_id = :org AND status IN ('OPEN', 'PARTIALLY_PAID'))"""),
                new Invariant("a bank's cash account equals its balance", """
                        SELECT b.name FROM accounting.bank_accounts b WHERE b.org_id = :org AND b.balance <> (
                               SELECT coalesce(sum(l.debit - l.credit), 0) FROM accounting.journal_lines l WHERE l.org_id = b.org_id AND l.account_id = b.account_id)"""));
    }

    /** The tables the books write, parents before the rows that reference them. */
    private static final List<String> TABLES = List.of("identity.users", "suppliers.vendors", "accounting.accounts", "accounting.tax_rates",
            "accounting.periods", "accounting.journal_entries", "accounting.journal_lines", "accounting.customers", "accounting.invoices",
            "accounting.invoice_lines", "accounting.bills", "accounting.bill_lines", "accounting.bank_accounts", "accounting.payments",
            "accounting.payment_allocations", "accounting.reconciliations", "accounting.bank_transactions", "accounting.employees",
            "accounting.payroll_runs", "accounting.payroll_lines");

    static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    /** The books as written, one document after another in date order. */
    private static final class Books {

        private final PackContext ctx;
        private final RowSink sink;
        private final Map<String, UUID> accounts = new HashMap<>();
        private final Map<String, UUID> customers = new HashMap<>();
        private final Map<String, UUID> vendors = new HashMap<>();
        private final Map<String, UUID> employees = new LinkedHashMap<>();
        private final Map<String, BigDecimal> salaries = new HashMap<>();
        /** Open documents: id, and what is still owed. */
        private final Map<String, UUID> documents = new HashMap<>();
        private final Map<UUID, BigDecimal> totals = new HashMap<>();
        private final Map<UUID, BigDecimal> balances = new HashMap<>();
        private final Map<UUID, BigDecimal> bankBalances = new LinkedHashMap<>();
        private final Map<UUID, UUID> bankByAccount = new HashMap<>();
        /** Each bank transaction's row, which a reconciliation may yet mark. */
        private final List<Row> bankTransactions = new ArrayList<>();
        private final Map<String, Row> invoiceRows = new LinkedHashMap<>();
        private final Map<UUID, Row> bankRows = new LinkedHashMap<>();
        private final Map<String, List<Row>> tables = new LinkedHashMap<>();
        private final Map<String, Row> billRows = new LinkedHashMap<>();
        private UUID taxRate;
        private UUID operating;
        private UUID reserve;
        private int entries;
        private int invoices;
        private int payments;
        private int ordinal;

        Books(PackContext ctx, RowSink sink) {
            this.ctx = ctx;
            this.sink = sink;
        }

        void write() {
            people();
            chart();
            periods();
            parties();
            LocalDate opened = LocalDate.of(2025, 7, 1);
            operating = bankAccount("Operating Account", "1000", "4417", opened, money("50000.00"));
            reserve = bankAccount("Reserve Savings", "1010", "8832", opened, money("20000.00"));
            entry(opened, "OPENING", "Opening balances", List.of(dr("1000", "50000.00"), dr("1010", "20000.00"), cr("3000", "70000.00")));

            invoice("brightwater", "2025-08-04", "2025-09-03", line("Corporate travel management, August", "1", "4000.00", "4200", false));
            receive("brightwater", "2025-08-29", "2025-08-29", "4000.00", "ACH", Map.of("INV-000001", "4000.00"));
            invoice("maple", "2026-05-12", "2026-05-26", line("Lisbon group trip deposit", "10", "850.00", "4100", true));
            bill("harlow", "HF-0925", "2026-06-15", "2026-07-15", "Contract review", "1500.00", "0.00", "6500");
            invoice("ellis", "2026-07-06", "2026-07-13", line("Tour package: Amalfi coast", "1", "2800.00", "4000", true));
            // Paid by card, 32.00 over the invoice (the customer's credit), settled two days later.
            receive("ellis", "2026-07-10", "2026-07-12", "3000.00", "CARD", Map.of("INV-000003", "2968.00"));
            invoice("brightwater", "2026-08-03", "2026-09-02", line("Corporate travel fees, July", "1", "2500.00", "4200", false),
                    line("Tour package: Alpine rail", "2", "1200.00", "4000", true));
            bill("skyline", "SA-90210", "2026-08-10", "2026-09-09", "Airfare, Lisbon group", "3000.00", "0.00", "5000");
            invoice("northpoint", "2026-08-24", "2026-10-08", line("Team retreat, Lake Como", "1", "12000.00", "4100", true));
            bill("cloudbook", "CB-7781", "2026-08-25", "2026-09-24", "Booking software, annual", "1200.00", "72.00", "6300");
            receive("brightwater", "2026-09-10", "2026-09-10", "2000.00", "BANK_TRANSFER", Map.of("INV-000004", "2000.00"));
            bill("skyline", "SA-88121", "2026-09-28", "2026-10-28", "Airfare, Alpine rail group", "4500.00", "0.00", "5000");
            payroll(2026, 9);
            bill("coastal", "CI-2026-311", "2026-10-01", "2026-10-31", "Rooms, Lake Como retreat", "6000.00", "0.00", "5100");
            pay("skyline", "2026-10-15", "4500.00", "SA-88121");
            invoice("ellis", "2026-10-20", "2026-10-27", line("Tour package: Iceland northern lights", "1", "3200.00", "4000", true));
            payroll(2026, 10);
            bankEntry(operating, "2026-10-31", "Monthly account fee", "-25.00", "6400");
            bankEntry(reserve, "2026-10-31", "Interest", "18.40", "4900");
            pay("coastal", "2026-11-05", "1000.00", "CI-2026-311");
            invoice("maple", "2026-11-09", "2026-11-23", line("Vienna group trip balance", "12", "600.00", "4100", true));
            bill("summit", "SC-4410", "2026-11-10", "2026-11-27", "Coach transfers, Vienna", "2200.00", "0.00", "5200");
            invoice("northpoint", "2026-11-16", "2026-12-31", line("Corporate travel fees, October", "1", "1800.00", "4200", false));
            draft("harbor", "2026-11-20", "2026-12-04", line("Patagonia trek", "8", "2100.00", "4000", false));

            reconcile(operating, LocalDate.of(2026, 9, 30));
            invoiceRows.values().forEach(this::finish);
            billRows.values().forEach(this::finish);
            bankRows.forEach((id, row) -> row.set("balance", bankBalances.get(id)));
            for (String table : TABLES) {
                tables.getOrDefault(table, List.of()).forEach(row -> sink.add(table, row));
            }
            if (!TABLES.containsAll(tables.keySet())) {
                throw new IllegalStateException("a table missing from TABLES: " + tables.keySet());
            }
        }

        /** Buffers a row: the books are written whole, once every balance is known, parents first. */
        private Row add(String table, Row row) {
            tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
            return row;
        }

        // ---------------------------------------------------------------- people, chart, periods, parties

        private void people() {
            person(OWNER, "Claire Donovan", "owner");
            person(ACCOUNTANT, "Samir Haddad", "accountant");
            person(PLANNER, "Tess Moreau", "planner");
            employee("Nina", "Alvarez", "Travel Consultant", "Sales", "60000.00", true);
            employee("Marcus", "Reed", "Operations Lead", "Operations", "72000.00", true);
            employee("Tom", "Baker", "Reservations Agent", "Operations", "48000.00", false);
        }

        private void person(String email, String name, String role) {
            add("identity.users", Row.withId(id("user")).set("email", email).set("password_hash", PASSWORD_HASH).set("name", name)
                    .set("role", role).set("active", true).set("created_at", at("2025-06-20")));
        }

        private void employee(String first, String last, String title, String department, String salary, boolean active) {
            UUID id = id("employee");
            employees.put(first, id);
            salaries.put(first, money(salary));
            add("accounting.employees", Row.withId(id).set("first_name", first).set("last_name", last)
                    .set("email", first.toLowerCase() + "." + last.toLowerCase() + "@demotravel.example.test").set("title", title)
                    .set("department", department).set("annual_salary", money(salary)).set("currency", USD)
                    .set("hired_on", LocalDate.of(2024, 3, 1)).set("active", active).set("created_at", at("2025-06-20")));
        }

        private void chart() {
            for (String[] account : CHART) {
                UUID id = id("account");
                accounts.put(account[0], id);
                add("accounting.accounts", Row.withId(id).set("code", account[0]).set("name", account[1]).set("type", account[2])
                        .set("control", account[3]).set("currency", USD).set("active", true).set("created_at", at("2025-06-20")));
            }
            taxRate = id("tax-rate");
            add("accounting.tax_rates", Row.withId(taxRate).set("name", "Sales Tax 6%").set("rate", TAX_RATE)
                    .set("account_id", accounts.get("2100")).set("active", true));
            add("accounting.tax_rates", Row.withId(id("tax-rate")).set("name", "Sales Tax 5% (until 2025)").set("rate", new BigDecimal("0.0500"))
                    .set("account_id", accounts.get("2100")).set("active", false));
        }

        private void periods() {
            for (LocalDate start = LocalDate.of(2025, 7, 1); start.isBefore(LocalDate.of(2027, 1, 1)); start = start.plusMonths(3)) {
                LocalDate end = start.plusMonths(3).minusDays(1);
                boolean closed = end.isBefore(LocalDate.of(2026, 7, 1));
                add("accounting.periods", Row.withId(id("period")).set("name", "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + start.getYear())
                        .set("starts_on", start).set("ends_on", end).set("status", closed ? "CLOSED" : "OPEN")
                        .set("closed_at", closed ? end.plusDays(14).atTime(17, 0).toInstant(ZoneOffset.UTC) : null)
                        .set("closed_by", closed ? ACCOUNTANT : null));
            }
        }

        private void parties() {
            customer("brightwater", "Brightwater Consulting", "CORPORATE", "Dana Brooks", "Boston", "MA", 30);
            customer("maple", "Maple Grove Alumni Club", "GROUP", "Ruth Feld", "Madison", "WI", 14);
            customer("ellis", "Jordan Ellis", "INDIVIDUAL", "Jordan Ellis", "Portland", "OR", 7);
            customer("northpoint", "Northpoint Engineering", "CORPORATE", "Vik Rao", "Seattle", "WA", 45);
            customer("harbor", "Harbor Hikers Club", "GROUP", "Lena Ortiz", "Portland", "ME", 14);
            vendor("skyline", "Skyline Air", "airline");
            vendor("coastal", "Coastal Inns", "lodging");
            vendor("summit", "Summit Coaches", "tour_operator");
            vendor("harlow", "Harlow & Finch Legal", "professional_services");
            vendor("cloudbook", "Cloudbook Software", "office");
        }

        private void customer(String key, String name, String kind, String contact, String city, String state, int terms) {
            UUID id = id("customer");
            customers.put(key, id);
            add("accounting.customers", Row.withId(id).set("name", name).set("kind", kind).set("contact_name", contact)
                    .set("email", key + "@customers.example.test").set("phone", "(555) 010-" + (1000 + customers.size())).set("city", city)
                    .set("state", state).set("payment_terms_days", terms).set("currency", USD).set("created_at", at("2025-07-01")));
        }

        private void vendor(String key, String name, String category) {
            UUID id = id("vendor");
            vendors.put(key, id);
            add("suppliers.vendors", Row.withId(id).set("name", name).set("category", category).set("contact_name", "Accounts " + name)
                    .set("email", key + "@vendors.example.test").set("phone", "(555) 020-" + (1000 + vendors.size())).set("city", "Denver")
                    .set("state", "CO").set("rating", new BigDecimal("4.5")).set("created_at", at("2025-07-01")));
        }

        private UUID bankAccount(String name, String code, String last4, LocalDate opened, BigDecimal opening) {
            UUID id = id("bank-account");
            bankBalances.put(id, opening);
            bankByAccount.put(accounts.get(code), id);
            bankRows.put(id, add("accounting.bank_accounts", Row.withId(id).set("name", name).set("bank_name", "Harborline Bank").set("account_last4", last4)
                    .set("account_id", accounts.get(code)).set("currency", USD).set("opening_date", opened).set("opening_balance", opening)
                    .set("balance", opening).set("created_at", opened.atTime(9, 0).toInstant(ZoneOffset.UTC))));
            return id;
        }

        // ---------------------------------------------------------------- documents

        private record Line(String description, BigDecimal quantity, BigDecimal unitPrice, String account, boolean taxed) {

            BigDecimal amount() {
                return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
            }

            BigDecimal tax() {
                return taxed ? amount().multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP) : money("0.00");
            }
        }

        private static Line line(String description, String quantity, String unitPrice, String account, boolean taxed) {
            return new Line(description, new BigDecimal(quantity).setScale(2), money(unitPrice), account, taxed);
        }

        private void invoice(String customer, String issued, String due, Line... lines) {
            document(customer, issued, due, true, lines);
        }

        private void draft(String customer, String issued, String due, Line... lines) {
            document(customer, issued, due, false, lines);
        }

        private void document(String customer, String issued, String due, boolean issue, Line... lines) {
            String number = String.format("INV-%06d", ++invoices);
            UUID id = id("invoice");
            BigDecimal subtotal = money("0.00");
            BigDecimal tax = money("0.00");
            for (Line line : lines) {
                subtotal = subtotal.add(line.amount());
                tax = tax.add(line.tax());
            }
            BigDecimal total = subtotal.add(tax);
            UUID entry = null;
            if (issue) {
                List<Object[]> posting = new ArrayList<>();
                posting.add(dr("1100", total.toPlainString()));
                for (Line line : lines) {
                    posting.add(cr(line.account(), line.amount().toPlainString()));
                }
                if (tax.signum() > 0) {
                    posting.add(cr("2100", tax.toPlainString()));
                }
                entry = entry(LocalDate.parse(issued), "INVOICE", "Invoice " + number, posting);
            }
            documents.put(number, id);
            totals.put(id, total);
            balances.put(id, total);
            invoiceRows.put(number, add("accounting.invoices", Row.withId(id).set("invoice_number", number).set("customer_id", customers.get(customer))
                    .set("issue_date", LocalDate.parse(issued)).set("due_date", LocalDate.parse(due)).set("status", issue ? "ISSUED" : "DRAFT")
                    .set("currency", USD).set("subtotal", subtotal).set("tax", tax).set("total", total).set("balance", total)
                    .set("entry_id", entry).set("memo", null).set("created_at", at(issued))));
            int lineNo = 0;
            for (Line line : lines) {
                add("accounting.invoice_lines", Row.withId(id("invoice-line")).set("invoice_id", id).set("line_no", ++lineNo)
                        .set("description", line.description()).set("quantity", line.quantity()).set("unit_price", line.unitPrice())
                        .set("amount", line.amount()).set("tax_rate_id", line.taxed() ? taxRate : null).set("tax", line.tax())
                        .set("account_id", accounts.get(line.account())));
            }
        }

        private void bill(String vendor, String number, String issued, String due, String description, String amount, String tax, String account) {
            UUID id = id("bill");
            BigDecimal total = money(amount).add(money(tax));
            UUID entry = entry(LocalDate.parse(issued), "BILL", "Bill " + number, List.of(dr(account, total.toPlainString()), cr("2000", total.toPlainString())));
            documents.put(number, id);
            totals.put(id, total);
            balances.put(id, total);
            billRows.put(number, add("accounting.bills", Row.withId(id).set("bill_number", number).set("vendor_id", vendors.get(vendor))
                    .set("issue_date", LocalDate.parse(issued)).set("due_date", LocalDate.parse(due)).set("status", "OPEN").set("currency", USD)
                    .set("subtotal", money(amount)).set("tax", money(tax)).set("total", total).set("balance", total).set("entry_id", entry)
                    .set("memo", null).set("created_at", at(issued))));
            add("accounting.bill_lines", Row.withId(id("bill-line")).set("bill_id", id).set("line_no", 1).set("description", description)
                    .set("quantity", money("1")).set("unit_price", money(amount)).set("amount", money(amount)).set("tax", money(tax))
                    .set("account_id", accounts.get(account)).set("inventory_item_id", null));
        }

        /** A payment received into the Operating Account, settling invoices; what it does not settle is the customer's credit. */
        private void receive(String customer, String paid, String settled, String amount, String method, Map<String, String> allocations) {
            BigDecimal allocated = allocations.values().stream().map(AccountingBooksPack::money).reduce(money("0.00"), BigDecimal::add);
            BigDecimal credit = money(amount).subtract(allocated);
            String number = String.format("PMT-%06d", ++payments);
            List<Object[]> posting = new ArrayList<>(List.of(dr("1000", amount), cr("1100", allocated.toPlainString())));
            if (credit.signum() > 0) {
                posting.add(cr("2200", credit.toPlainString()));
            }
            UUID entry = entry(LocalDate.parse(paid), "PAYMENT", "Payment " + number, posting);
            payment(number, "RECEIVED", customers.get(customer), null, paid, settled, amount, method, entry, allocations);
        }

        /** A payment sent from the Operating Account, settling one bill. */
        private void pay(String vendor, String paid, String amount, String bill) {
            String number = String.format("PMT-%06d", ++payments);
            UUID entry = entry(LocalDate.parse(paid), "PAYMENT", "Payment " + number, List.of(dr("2000", amount), cr("1000", amount)));
            payment(number, "SENT", null, vendors.get(vendor), paid, paid, amount, "BANK_TRANSFER", entry, Map.of(bill, amount));
        }

        private void payment(String number, String direction, UUID customer, UUID vendor, String paid, String settled, String amount, String method,
                             UUID entry, Map<String, String> allocations) {
            UUID id = id("payment");
            add("accounting.payments", Row.withId(id).set("payment_number", number).set("direction", direction).set("customer_id", customer)
                    .set("vendor_id", vendor).set("bank_account_id", operating).set("paid_on", LocalDate.parse(paid)).set("amount", money(amount))
                    .set("currency", USD).set("method", method).set("reference", null).set("entry_id", entry).set("created_at", at(paid)));
            for (Map.Entry<String, String> allocation : new TreeMap<>(allocations).entrySet()) {
                UUID document = documents.get(allocation.getKey());
                boolean invoice = invoiceRows.containsKey(allocation.getKey());
                add("accounting.payment_allocations", Row.withId(id("allocation")).set("payment_id", id)
                        .set("invoice_id", invoice ? document : null).set("bill_id", invoice ? null : document)
                        .set("amount", money(allocation.getValue())).set("allocated_on", LocalDate.parse(paid)));
                balances.merge(document, money(allocation.getValue()).negate(), BigDecimal::add);
            }
            BigDecimal signed = direction.equals("RECEIVED") ? money(amount) : money(amount).negate();
            transaction(operating, settled, "Payment " + number, signed, id, null);
        }

        /** A month's payroll for the active employees at 22% withheld, paid on its last day from the Operating Account. */
        private void payroll(int year, int month) {
            LocalDate start = LocalDate.of(year, month, 1);
            LocalDate end = start.plusMonths(1).minusDays(1);
            BigDecimal rate = new BigDecimal("0.22");
            UUID run = id("payroll-run");
            BigDecimal gross = money("0.00");
            BigDecimal withheld = money("0.00");
            for (String employee : List.of("Nina", "Marcus")) {
                BigDecimal pay = salaries.get(employee).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
                BigDecimal withholding = pay.multiply(rate).setScale(2, RoundingMode.HALF_UP);
                gross = gross.add(pay);
                withheld = withheld.add(withholding);
                add("accounting.payroll_lines", Row.withId(id("payroll-line")).set("run_id", run).set("employee_id", employees.get(employee))
                        .set("gross", pay).set("withholding", withholding).set("net", pay.subtract(withholding)));
            }
            BigDecimal net = gross.subtract(withheld);
            String memo = "Payroll " + start.toString().substring(0, 7);
            UUID entry = entry(end, "PAYROLL", memo, List.of(dr("6000", gross.toPlainString()), cr("2300", withheld.toPlainString()),
                    cr("1000", net.toPlainString())));
            add("accounting.payroll_runs", Row.withId(run).set("period_start", start).set("period_end", end).set("pay_date", end)
                    .set("status", "PAID").set("currency", USD).set("gross", gross).set("withholding", withheld).set("net", net)
                    .set("entry_id", entry).set("created_at", end.atTime(12, 0).toInstant(ZoneOffset.UTC)));
            transaction(operating, end.toString(), memo, net.negate(), null, entry);
        }

        /** A line of a bank's statement with no payment (a fee, interest), and its entry against an account. */
        private void bankEntry(UUID bank, String day, String description, String amount, String account) {
            BigDecimal signed = money(amount);
            String cash = bank.equals(operating) ? "1000" : "1010";
            UUID entry = entry(LocalDate.parse(day), "BANK", description, signed.signum() > 0
                    ? List.of(dr(cash, signed.toPlainString()), cr(account, signed.toPlainString()))
                    : List.of(dr(account, signed.negate().toPlainString()), cr(cash, signed.negate().toPlainString())));
            transaction(bank, day, description, signed, null, entry);
        }

        private void transaction(UUID bank, String day, String description, BigDecimal amount, UUID payment, UUID entry) {
            bankBalances.merge(bank, amount, BigDecimal::add);
            bankTransactions.add(add("accounting.bank_transactions", Row.withId(id("bank-transaction")).set("bank_account_id", bank).set("posted_on", LocalDate.parse(day))
                    .set("description", description).set("amount", amount).set("payment_id", payment).set("entry_id", entry)
                    .set("reconciliation_id", null).set("created_at", at(day))));
        }

        /** The bank's statement matched up to the day: every transaction posted by then is reconciled. */
        private void reconcile(UUID bank, LocalDate statement) {
            UUID id = id("reconciliation");
            BigDecimal balance = bank.equals(operating) ? money("50000.00") : money("20000.00");
            for (Row row : bankTransactions) {
                if (row.values().get("bank_account_id").equals(bank) && !((LocalDate) row.values().get("posted_on")).isAfter(statement)) {
                    row.set("reconciliation_id", id);
                    balance = balance.add((BigDecimal) row.values().get("amount"));
                }
            }
            add("accounting.reconciliations", Row.withId(id).set("bank_account_id", bank).set("statement_date", statement)
                    .set("statement_balance", balance).set("reconciled_at", statement.plusDays(6).atTime(15, 0).toInstant(ZoneOffset.UTC))
                    .set("reconciled_by", ACCOUNTANT));
        }

        /** A document's balance and status, once every payment is known. */
        private void finish(Row row) {
            BigDecimal balance = balances.get(row.id());
            String status = (String) row.values().get("status");
            if (!status.equals("DRAFT")) {
                status = balance.signum() == 0 ? "PAID" : balance.compareTo(totals.get(row.id())) == 0 ? status : "PARTIALLY_PAID";
            }
            row.set("balance", balance).set("status", status);
        }

        // ---------------------------------------------------------------- the journal

        private static Object[] dr(String account, String amount) {
            return new Object[] {account, money(amount), money("0.00")};
        }

        private static Object[] cr(String account, String amount) {
            return new Object[] {account, money("0.00"), money(amount)};
        }

        private UUID entry(LocalDate date, String source, String memo, List<Object[]> lines) {
            UUID id = id("entry");
            BigDecimal debits = lines.stream().map(line -> (BigDecimal) line[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal credits = lines.stream().map(line -> (BigDecimal) line[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (debits.compareTo(credits) != 0) {
                throw new IllegalStateException(memo + " does not balance: " + debits + " against " + credits);
            }
            add("accounting.journal_entries", Row.withId(id).set("entry_number", String.format("JE-%06d", ++entries)).set("entry_date", date)
                    .set("posted_at", date.atTime(18, 0).toInstant(ZoneOffset.UTC)).set("source", source).set("memo", memo).set("currency", USD)
                    .set("created_by", ACCOUNTANT));
            int lineNo = 0;
            for (Object[] line : lines) {
                if (((BigDecimal) line[1]).signum() == 0 && ((BigDecimal) line[2]).signum() == 0) {
                    continue;
                }
                add("accounting.journal_lines", Row.withId(id("journal-line")).set("entry_id", id).set("line_no", ++lineNo)
                        .set("account_id", accounts.get((String) line[0])).set("debit", line[1]).set("credit", line[2]).set("memo", memo));
            }
            return id;
        }

        private UUID id(String entity) {
            return ctx.id(entity, ordinal++);
        }

        private static Instant at(String day) {
            return LocalDate.parse(day).atTime(10, 0).toInstant(ZoneOffset.UTC);
        }
    }
}
