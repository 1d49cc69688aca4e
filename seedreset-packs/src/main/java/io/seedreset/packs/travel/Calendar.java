package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The company's time: which months the history covers, how busy each one is, and when in a day
 * people record things.
 *
 * <p>"Today" is the anchor's date in UTC, and nothing is dated today or later: a document dated
 * yesterday and recorded during Chicago office hours (8:00 to 17:59, 13:00 to 23:59 UTC) is
 * recorded before any anchor on the following UTC day, so no timestamp lands after the anchor.
 */
final class Calendar {

    /** Where the company works: its office hours give every timestamp. */
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    /**
     * How busy a calendar month is for a travel agency, January first: a lull after the holidays,
     * bookings for the summer (June to August) and for the holidays (November, December). These are
     * the shares of invoices; the test of the seasons asks only that summer and December stand above
     * the average and January below it.
     */
    private static final double[] SEASON = {0.55, 0.75, 0.95, 1.00, 1.10, 1.50, 1.70, 1.50, 0.95, 0.95, 1.20, 1.60};

    /** Yearly growth of the business: a month is this much busier than the same month a year before. */
    private static final double GROWTH_PER_YEAR = 1.25;

    final LocalDate today;
    final YearMonth currentMonth;
    /** Months of history, the anchor's own (partial) month included. */
    final int months;
    /** The first day of the history: the books' opening date. */
    final LocalDate start;

    Calendar(Instant anchor, int months) {
        this.today = LocalDate.ofInstant(anchor, ZoneOffset.UTC);
        this.currentMonth = YearMonth.from(today);
        this.months = months;
        this.start = currentMonth.minusMonths(months - 1L).atDay(1);
    }

    /** The month {@code age} months before the anchor's (age 0 is the anchor's own month). */
    YearMonth month(int age) {
        return currentMonth.minusMonths(age);
    }

    /** The ages of the history's months, oldest first. */
    List<Integer> ages() {
        List<Integer> ages = new ArrayList<>();
        for (int age = months - 1; age >= 0; age--) {
            ages.add(age);
        }
        return ages;
    }

    /** Whether a day is in the past: only those hold documents. */
    boolean happened(LocalDate day) {
        return day.isBefore(today);
    }

    LocalDate yesterday() {
        return today.minusDays(1);
    }

    /**
     * How much of a month has happened: 1 for past months, the share of days before today for the
     * anchor's month, so its invoices so far come in proportion.
     */
    double elapsed(int age) {
        YearMonth month = month(age);
        if (age > 0) {
            return 1;
        }
        return (double) ChronoUnit.DAYS.between(month.atDay(1), today) / month.lengthOfMonth();
    }

    /** The last day of a month that has happened so far: its last day, or yesterday in the anchor's month. */
    LocalDate lastHappenedDay(int age) {
        return age == 0 ? yesterday() : month(age).atEndOfMonth();
    }

    /** The season's factor of a month; the average over a year is about 1.15. */
    double season(int age) {
        return season(month(age).getMonth());
    }

    static double season(Month month) {
        return SEASON[month.getValue() - 1];
    }

    /** How dear travel is in a month: fares and rooms follow the season, less steeply than bookings do. */
    double priceLevel(int age) {
        return priceLevel(month(age).getMonth());
    }

    static double priceLevel(Month month) {
        return Math.pow(season(month), 0.4);
    }

    /** The business's size in a month relative to the anchor's month: later months are bigger. */
    double growth(int age) {
        return Math.pow(GROWTH_PER_YEAR, -age / 12.0);
    }

    /** A moment during office hours on that day, where the company works: when people record things. */
    static Instant atOfficeHours(Draw draw, LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(draw.between(8, 17), draw.between(0, 59)), ZONE).toInstant();
    }

    /** A day in [from, to]; an empty range gives {@code to}, the later bound never being crossed. */
    static LocalDate dayBetween(Draw draw, LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return span <= 0 ? to : from.plusDays(draw.between(0, Math.toIntExact(span)));
    }

    /** The weekday on or before a day: offices pay and bank on weekdays. */
    static LocalDate weekdayOnOrBefore(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The weekday on or after a day. */
    static LocalDate weekdayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    // ---------------------------------------------------------------- quarters

    /** A calendar quarter of the history, named as reports name it ("Q3 2026"). */
    record Quarter(int ordinal, LocalDate startsOn, LocalDate endsOn) {

        String name() {
            return "Q" + ((startsOn.getMonthValue() - 1) / 3 + 1) + " " + startsOn.getYear();
        }
    }

    /** The quarters from the one holding the first month of the history to the one holding today, oldest first. */
    List<Quarter> quarters() {
        List<Quarter> quarters = new ArrayList<>();
        LocalDate first = quarterStart(start);
        for (LocalDate q = first; !q.isAfter(today); q = q.plusMonths(3)) {
            quarters.add(new Quarter(quarters.size(), q, q.plusMonths(3).minusDays(1)));
        }
        return quarters;
    }

    /**
     * Whether a quarter is closed: every quarter that ended before the last complete one. The last
     * complete quarter stays open (the quarter-close scenario closes it), and so does the current one.
     */
    boolean closed(Quarter quarter) {
        LocalDate lastCompleteStart = quarterStart(today).minusMonths(3);
        return quarter.startsOn().isBefore(lastCompleteStart);
    }

    private static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }
}
