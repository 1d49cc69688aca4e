package io.seedreset.platform.accounting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The books' today: the UTC date of the platform's clock (a demo organization's present, when its clock is moved). */
final class Today {

    private Today() {
    }

    static LocalDate of(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
