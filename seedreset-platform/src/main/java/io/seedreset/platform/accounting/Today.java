package io.seedreset.platform.accounting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The books' today: the UTC date of the clock the workflows are given (the system's clock when serving, a fixed one in
 * tests). Every organization shares it; no organization has a clock of its own.
 */
final class Today {

    private Today() {
    }

    static LocalDate of(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
