package io.seedreset.platform.agency;

import java.util.Optional;

/** A booking the platform refuses, with nothing written. */
public final class BookingRefused extends RuntimeException {

    /** Why, for the HTTP status. */
    public enum Why {
        /** The organization has no such space (whoever else may have one). */
        NO_SPACE,
        /** The organization has no such event. */
        NO_EVENT,
        /** The booking ends before it starts, or when it starts. */
        ENDS_BEFORE_START,
        /** The event was cancelled: nothing more is booked for it. */
        EVENT_CANCELLED,
        /** The booking starts before the event or ends after it (the pack's rule "reservations fall within their event's time"). */
        OUTSIDE_EVENT,
        /** The space is already held for part of that time: {@link #conflict()} is the hold. */
        SPACE_TAKEN
    }

    private final Why why;
    private final Reservations.Reservation conflict;

    BookingRefused(Why why, String message) {
        this(why, message, null);
    }

    BookingRefused(Why why, String message, Reservations.Reservation conflict) {
        super(message);
        this.why = why;
        this.conflict = conflict;
    }

    public Why why() {
        return why;
    }

    /** The reservation already holding the space, when the space is taken. */
    public Optional<Reservations.Reservation> conflict() {
        return Optional.ofNullable(conflict);
    }
}
