package io.seedreset.platform.ticketing;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * An event's slug as the ticketing-demo pack makes it: its name, its venue's city and its first day (in the
 * venue's time zone), in lower case with dashes ("juniper-vale-northern-lights-tour-chicago-2026-12-04"), and
 * {@code -2}, {@code -3}, ... when that is taken.
 */
public final class EventSlugs {

    private EventSlugs() {
    }

    /** The slug before any suffix that makes it unique. */
    public static String of(String name, String city, Instant startsAt, ZoneId zone) {
        return slug(name + " " + city + " " + LocalDate.ofInstant(startsAt, zone));
    }

    /** "Juniper Vale: Northern Lights Tour" becomes juniper-vale-northern-lights-tour. */
    public static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
                .replace("&", "and").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The n-th candidate: the slug itself first, then with -2, -3, ... */
    static String candidate(String slug, int n) {
        return n == 1 ? slug : slug + "-" + n;
    }
}
