package io.seedreset.platform.schedule;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a job runs, as staff write it ({@code --at}), in a time zone (UTC unless given):
 * <ul>
 *   <li>{@code nightly HH:MM} (or {@code daily HH:MM}): every day at that time;</li>
 *   <li>{@code weekly DAY HH:MM}: every week, DAY {@code mon} to {@code sun};</li>
 *   <li>{@code monthly D HH:MM}: every month on day D, 1 to 28 (every month has those);</li>
 *   <li>{@code every N(m|h|d)}: N minutes, hours or days after the previous run finished (an interval);</li>
 *   <li>{@code cron S M H DOM MON DOW}: a six-field cron expression, seconds first (Spring's, as db-scheduler reads it).</li>
 * </ul>
 * The text is kept as written, lower-cased and with single spaces: it is what {@code schedule list} shows.
 */
public record Timing(String text, ZoneId zone) {

    private static final Pattern CLOCK = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern NIGHTLY = Pattern.compile("(?:nightly|daily) " + CLOCK);
    private static final Pattern WEEKLY = Pattern.compile("weekly (mon|tue|wed|thu|fri|sat|sun) " + CLOCK);
    private static final Pattern MONTHLY = Pattern.compile("monthly (\\d{1,2}) " + CLOCK);
    private static final Pattern EVERY = Pattern.compile("every (\\d{1,4})([mhd])");
    private static final String SYNTAX = "use 'nightly HH:MM', 'weekly DAY HH:MM', 'monthly D HH:MM' (D 1-28), 'every N(m|h|d)'"
            + " or 'cron S M H DOM MON DOW'";

    /**
     * The timing staff wrote, checked; {@code zone} null or blank for UTC.
     *
     * @throws SeedResetException {@code INVALID_VALUE}, naming what is wrong and the forms there are
     */
    public static Timing parse(String at, String zone) {
        String text = at == null ? "" : at.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Timing timing = new Timing(text, zone(zone));
        timing.schedule();
        return timing;
    }

    /** The time zone named, UTC when none is. */
    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new SeedResetException(Reason.INVALID_VALUE, "unknown time zone '" + zone + "': use a region such as Europe/Paris, or UTC",
                    Map.of(SeedResetException.VALUE, zone));
        }
    }

    /** The schedule db-scheduler computes the next run from. */
    public Schedule schedule() {
        Matcher matcher;
        if ((matcher = NIGHTLY.matcher(text)).matches()) {
            return cron("0 " + matcher.group(2) + " " + matcher.group(1) + " * * *");
        }
        if ((matcher = WEEKLY.matcher(text)).matches()) {
            return cron("0 " + matcher.group(3) + " " + matcher.group(2) + " * * " + matcher.group(1).toUpperCase(Locale.ROOT));
        }
        if ((matcher = MONTHLY.matcher(text)).matches()) {
            int day = Integer.parseInt(matcher.group(1));
            if (day < 1 || day > 28) {
                throw invalid("'" + text + "': the day of the month is 1 to 28, so that every month has it");
            }
            return cron("0 " + matcher.group(3) + " " + matcher.group(2) + " " + day + " * *");
        }
        if ((matcher = EVERY.matcher(text)).matches()) {
            long n = Long.parseLong(matcher.group(1));
            if (n < 1) {
                throw invalid("'" + text + "': an interval is at least 1 minute");
            }
            return FixedDelay.of(switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        if (text.startsWith("cron ")) {
            String expression = text.substring("cron ".length());
            if (expression.split(" ").length != 6) {
                throw invalid("'" + text + "': a cron expression has six fields, seconds first: S M H DOM MON DOW, e.g. 'cron 0 0 3 * * *'");
            }
            try {
                return cron(expression.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw invalid("'" + text + "' is not a valid cron expression: " + firstLine(e.getMessage()));
            }
        }
        throw invalid(text.isEmpty() ? "a schedule needs a time: " + SYNTAX : "'" + text + "' is not a schedule: " + SYNTAX);
    }

    @Override
    public String toString() {
        return text + (zone.equals(ZoneOffset.UTC) ? " UTC" : " " + zone.getId());
    }

    private Schedule cron(String expression) {
        return new CronSchedule(expression, zone, CronStyle.SPRING53);
    }

    private SeedResetException invalid(String message) {
        return new SeedResetException(Reason.INVALID_VALUE, message, Map.of(SeedResetException.VALUE, text));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
