package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.people.People;
import io.seedreset.packs.people.People.Person;
import io.seedreset.packs.travel.Catalog.Job;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The staff and their monthly pay. The owner and the accountant (the two personas) are employees
 * 0 and 1; the others are drawn, most of them with the company before the history began, the last
 * quarter of them hired during it, which is part of how the business grows. Each month's run pays
 * on the last weekday: Dr 6000 the gross, Cr 2300 what is withheld (taxes, benefits), Cr 1000 the
 * net that leaves the bank; the withholding is remitted on the 15th of the next month. The anchor's
 * own month has a draft run, not paid yet.
 */
final class Payroll {

    /** Payroll line keys: {@code 100 * age + employee}. */
    private static final int KEYS_PER_MONTH = 100;
    /** Someone hired in the last two weeks of a month is first paid the month after. */
    private static final int LAST_HIRE_DAYS = 14;

    record Employee(int ordinal, UUID id, String firstName, String lastName, String email, Job job, BigDecimal salary,
                    double withholding, LocalDate hiredOn) {
    }

    record Pay(UUID id, Employee employee, BigDecimal gross, BigDecimal withholding) {

        BigDecimal net() {
            return gross.subtract(withholding);
        }
    }

    record Run(int age, UUID id, YearMonth month, LocalDate payDate, List<Pay> pay, Books.Entry entry, Instant createdAt) {

        BigDecimal gross() {
            return Money.sum(pay.stream().map(Pay::gross).toList());
        }

        BigDecimal withholding() {
            return Money.sum(pay.stream().map(Pay::withholding).toList());
        }
    }

    private final PackContext ctx;
    private final Calendar calendar;
    private final Books books;
    final List<Employee> employees = new ArrayList<>();
    final List<Run> runs = new ArrayList<>();

    Payroll(PackContext ctx, Calendar calendar, Books books, int count) {
        this.ctx = ctx;
        this.calendar = calendar;
        this.books = books;
        Set<String> emails = new HashSet<>();
        employees.add(persona(0, Personas.OWNER, Catalog.OWNER_JOB, calendar.start.minusDays(3_400), emails));
        employees.add(persona(1, Personas.ACCOUNTANT, Catalog.ACCOUNTANT_JOB, calendar.start.minusDays(Personas.ACCOUNTANT.since() + 21),
                emails));
        int hiredDuring = Math.max(1, Math.round((count - 2) / 4f));
        long historyDays = ChronoUnit.DAYS.between(calendar.start, calendar.yesterday());
        for (int i = 2; i < count; i++) {
            Draw draw = ctx.draw("employee", i);
            Job job = Catalog.JOBS.get((i - 2) % Catalog.JOBS.size());
            Person person = People.adult(draw, ctx.anchor());
            while (person.fullName().equals(Personas.OWNER.name()) || person.fullName().equals(Personas.ACCOUNTANT.name())) {
                person = People.adult(draw, ctx.anchor());
            }
            int joiner = i - (count - hiredDuring);
            // New hires spread over the history, on a Monday; everyone else was there before it began.
            LocalDate hired = joiner >= 0
                    ? calendar.start.plusDays(historyDays * (joiner + 1) / (hiredDuring + 1) + draw.between(-10, 10))
                    : calendar.start.minusDays(draw.between(60, 2_200));
            hired = Calendar.weekdayOnOrAfter(hired);
            if (!calendar.happened(hired)) {
                hired = Calendar.weekdayOnOrBefore(calendar.yesterday());
            }
            BigDecimal salary = Money.dollars(draw.between(job.minSalary() * 2, job.maxSalary() * 2) * 500L);
            employees.add(new Employee(i, ctx.id("employee", i), person.firstName(), person.lastName(),
                    email(person.firstName(), person.lastName(), emails), job, salary, draw.between(21, 29) / 100.0, hired));
        }
    }

    private Employee persona(int ordinal, Personas.Spec spec, Job job, LocalDate hired, Set<String> emails) {
        return new Employee(ordinal, ctx.id("employee", ordinal), spec.firstName(), spec.lastName(),
                email(spec.firstName(), spec.lastName(), emails), job, Money.dollars(job.minSalary() * 1_000L),
                ctx.draw("employee", ordinal).between(24, 30) / 100.0, hired);
    }

    /** first.last at the company's domain, or first.last2 when a colleague has that name already. */
    private static String email(String first, String last, Set<String> taken) {
        String mailbox = People.mailbox(first, last);
        String email = mailbox + "@" + Contacts.STAFF_DOMAIN;
        for (int n = 2; !taken.add(email); n++) {
            email = mailbox + n + "@" + Contacts.STAFF_DOMAIN;
        }
        return email;
    }

    /** Who is on the run of the month {@code age} months before the anchor's. */
    List<Employee> paidIn(int age) {
        LocalDate cutoff = calendar.month(age).atEndOfMonth().minusDays(LAST_HIRE_DAYS);
        return employees.stream().filter(e -> !e.hiredOn().isAfter(cutoff)).toList();
    }

    /** Runs every month's payroll; {@code bank} records the net pay and the remittances leaving the operating account. */
    void pay(Banking bank) {
        for (int age : calendar.ages()) {
            YearMonth month = calendar.month(age);
            LocalDate payDate = Calendar.weekdayOnOrBefore(month.atEndOfMonth());
            boolean paid = calendar.happened(payDate);
            String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
            List<Pay> pay = new ArrayList<>();
            for (Employee employee : paidIn(age)) {
                BigDecimal gross = employee.salary().divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
                pay.add(new Pay(ctx.id("payroll_line", age * KEYS_PER_MONTH + employee.ordinal()), employee, gross,
                        Money.share(gross, employee.withholding())));
            }
            Draw draw = ctx.draw("payroll_run", age);
            // The run is prepared a few days before payday; this month's is still a draft.
            LocalDate prepared = Calendar.earlier(Calendar.weekdayOnOrBefore(payDate.minusDays(3)), calendar.yesterday());
            Instant createdAt = Calendar.atOfficeHours(draw, prepared);
            Books.Entry entry = null;
            if (paid) {
                Run draft = new Run(age, null, month, payDate, pay, null, createdAt);
                BigDecimal net = draft.gross().subtract(draft.withholding());
                entry = books.entry("payroll", age, payDate, Calendar.atOfficeHours(draw, payDate), Books.Source.PAYROLL,
                        "Payroll for " + name, Personas.OWNER.email())
                        .debit(Chart.SALARIES, draft.gross(), "Gross pay")
                        .credit(Chart.PAYROLL_LIABILITIES, draft.withholding(), "Taxes and benefits withheld")
                        .credit(Chart.OPERATING, net, "Net pay")
                        .post();
                bank.record("payroll", age, payDate, "Payroll: net pay for " + name, net.negate(), entry);
                remit(bank, age, draft.withholding(), name);
            } else if (age != 0) {
                continue;
            }
            runs.add(new Run(age, ctx.id("payroll_run", age), month, payDate, pay, entry, createdAt));
        }
    }

    /** The month's withholding, paid over to the tax authorities and benefit providers on the 15th of the next month. */
    private void remit(Banking bank, int age, BigDecimal withholding, String month) {
        LocalDate on = Calendar.weekdayOnOrAfter(calendar.month(age).plusMonths(1).atDay(15));
        if (!calendar.happened(on)) {
            return;
        }
        Books.Entry entry = books.entry("withholding", age, on, Calendar.atOfficeHours(ctx.draw("withholding", age), on), Books.Source.PAYROLL,
                "Payroll taxes and benefits withheld in " + month + ", remitted", Personas.OWNER.email())
                .debit(Chart.PAYROLL_LIABILITIES, withholding)
                .credit(Chart.OPERATING, withholding)
                .post();
        bank.record("withholding", age, on, "Payroll taxes and benefits, " + month, withholding.negate(), entry);
    }

    // ---------------------------------------------------------------- rows

    void writeEmployees(RowSink sink) {
        for (Employee employee : employees) {
            sink.add("accounting.employees", Row.withId(employee.id())
                    .set("first_name", employee.firstName())
                    .set("last_name", employee.lastName())
                    .set("email", employee.email())
                    .set("title", employee.job().title())
                    .set("department", employee.job().department())
                    .set("annual_salary", employee.salary())
                    .set("currency", Money.USD)
                    .set("hired_on", employee.hiredOn())
                    .set("active", true)
                    .set("created_at", Calendar.atOfficeHours(ctx.draw("employee_record", employee.ordinal()), employee.hiredOn())));
        }
    }

    void writeRuns(RowSink sink) {
        for (Run run : runs) {
            BigDecimal gross = run.gross();
            BigDecimal withholding = run.withholding();
            sink.add("accounting.payroll_runs", Row.withId(run.id())
                    .set("period_start", run.month().atDay(1))
                    .set("period_end", run.month().atEndOfMonth())
                    .set("pay_date", run.payDate())
                    .set("status", run.entry() == null ? "DRAFT" : "PAID")
                    .set("currency", Money.USD)
                    .set("gross", gross)
                    .set("withholding", withholding)
                    .set("net", gross.subtract(withholding))
                    .set("entry_id", run.entry() == null ? null : run.entry().id)
                    .set("created_at", run.createdAt()));
        }
        for (Run run : runs) {
            for (Pay pay : run.pay()) {
                sink.add("accounting.payroll_lines", Row.withId(pay.id())
                        .set("run_id", run.id())
                        .set("employee_id", pay.employee().id())
                        .set("gross", pay.gross())
                        .set("withholding", pay.withholding())
                        .set("net", pay.net()));
            }
        }
    }
}
