package io.seedreset.server.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes numbers, instants and durations: one way everywhere, in UTC as the audit records them. */
final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** "1 row", "12,345 rows". */
    static String count(long value, String one, String many) {
        return count(value) + " " + (value == 1 ? one : many);
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** A {@code <time>} element: the readable instant, the exact one for machines and in its tooltip. */
    static Html time(Instant instant) {
        return instant == null ? Html.text("—") : Html.of("<time datetime=\"{}\" title=\"{}\">{}</time>", instant, instant, when(instant));
    }

    /** A persona's role as people read it: "ADMIN" and "admin" both read "Admin". */
    static String role(String role) {
        return role == null || role.isEmpty() ? "" : role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1).toLowerCase(Locale.ROOT);
    }

    /** "820 ms", "3.4 s", "2 min 5 s". */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ENGLISH, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
}
