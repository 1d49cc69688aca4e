package io.seedreset.platform.agency;

import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.sql.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import static io.seedreset.platform.agency.TenantQuery.equal;
import static io.seedreset.platform.agency.TenantQuery.instant;
import static io.seedreset.platform.agency.TenantQuery.uuid;

/**
 * Spaces booked for events (module {@code spaces}), in time order, and booking one.
 *
 * <p>A space is held by every reservation that is not {@code released}: a {@code tentative} hold blocks
 * the room as a {@code confirmed} one does, as the pack's rule "no room is booked twice at once" says,
 * so a booking never breaks that rule.
 */
public final class Reservations {

    /** A reservation's statuses (the table's CHECK constraint). */
    public static final List<String> STATUSES = List.of("tentative", "confirmed", "released");

    /** What a booking writes. */
    public static final String BOOKED = "confirmed";

    /** A space held for an event, from {@code startsAt} until {@code endsAt}. */
    public record Reservation(UUID id, UUID spaceId, UUID eventId, String purpose, String status, Instant startsAt, Instant endsAt) {
    }

    /**
     * A booking asked for: every field but the purpose is required.
     *
     * @param purpose what the room is for ("Keynote", "Rehearsal dinner"); null for the event's name
     */
    public record Booking(UUID spaceId, UUID eventId, Instant startsAt, Instant endsAt, String purpose) {
    }

    private static final String COLUMNS = "id, space_id, event_id, purpose, status, starts_at, ends_at";

    private final DataSource dataSource;
    private final TenantQuery<Reservation> query;

    public Reservations(DataSource dataSource) {
        this.dataSource = dataSource;
        this.query = new TenantQuery<>(dataSource, "spaces.reservations", COLUMNS, "starts_at, id", Reservations::reservation);
    }

    /** The organization's reservations, filtered by space, event and status where they are not null. */
    public Slice<Reservation> list(UUID organizationId, UUID spaceId, UUID eventId, String status, int offset, int limit)
            throws SQLException {
        return query.list(organizationId, offset, limit, equal("space_id", spaceId), equal("event_id", eventId), equal("status", status));
    }

    public Optional<Reservation> byId(UUID organizationId, UUID id) throws SQLException {
        return query.byId(organizationId, id);
    }

    /**
     * Books the space for the event, {@code confirmed}, in one transaction; or refuses and writes nothing.
     *
     * <p>Two bookings of one space never both pass the overlap check: each first locks the space's row
     * ({@code SELECT ... FOR UPDATE}), so bookings of one space take turns, and the second, at READ COMMITTED,
     * checks the overlap after the first has committed and sees its row. Bookings of other spaces, and every
     * read, go on unblocked. An exclusion constraint would hold other writers too, but it needs the btree_gist
     * extension (the platform's migrations use none, and creating one needs a privilege an adopter's database
     * may not grant), and it would fail a pack's apply with a constraint error where today the pack's rule names
     * the two bookings; every booking of the platform goes through here, and {@code validate} checks the rest.
     *
     * @throws BookingRefused with nothing written: an unknown space or event (404 for the caller, also when another
     *                        organization has it), times that end before they start, a cancelled event, times
     *                        outside the event's, or a space already held for part of that time
     */
    public Reservation book(UUID organizationId, Booking booking) throws SQLException {
        if (!booking.endsAt().isAfter(booking.startsAt())) {
            throw new BookingRefused(BookingRefused.Why.ENDS_BEFORE_START,
                    "endsAt " + booking.endsAt() + " must be after startsAt " + booking.startsAt());
        }
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_READ_COMMITTED, connection -> {
            String space = lockSpace(connection, organizationId, booking.spaceId());
            EventTimes event = event(connection, organizationId, booking.eventId());
            if (event.status().equals("cancelled")) {
                throw new BookingRefused(BookingRefused.Why.EVENT_CANCELLED, "event '" + event.name() + "' is cancelled: nothing more is booked for it");
            }
            if (booking.startsAt().isBefore(event.startsAt()) || booking.endsAt().isAfter(event.endsAt())) {
                throw new BookingRefused(BookingRefused.Why.OUTSIDE_EVENT, "the booking " + booking.startsAt() + " to " + booking.endsAt()
                        + " is outside event '" + event.name() + "' (" + event.startsAt() + " to " + event.endsAt() + ")");
            }
            Optional<Reservation> held = firstOverlap(connection, organizationId, booking);
            if (held.isPresent()) {
                Reservation conflict = held.get();
                throw new BookingRefused(BookingRefused.Why.SPACE_TAKEN, "space '" + space + "' is already held from "
                        + conflict.startsAt() + " to " + conflict.endsAt() + " by reservation " + conflict.id() + " ("
                        + conflict.status() + ")", conflict);
            }
            Reservation booked = new Reservation(UUID.randomUUID(), booking.spaceId(), booking.eventId(),
                    booking.purpose() == null ? event.name() : booking.purpose(), BOOKED, booking.startsAt(), booking.endsAt());
            insert(connection, organizationId, booked);
            return booked;
        });
    }

    /** The event's name, status and times, as a booking checks them. */
    private record EventTimes(String name, String status, Instant startsAt, Instant endsAt) {
    }

    /** Locks the organization's space for this transaction's booking and returns its name. */
    private static String lockSpace(Connection connection, UUID organizationId, UUID spaceId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM spaces.spaces WHERE org_id = ? AND id = ? FOR UPDATE")) {
            statement.setObject(1, organizationId);
            statement.setObject(2, spaceId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new BookingRefused(BookingRefused.Why.NO_SPACE, "no space " + spaceId);
                }
                return rs.getString("name");
            }
        }
    }

    private static EventTimes event(Connection connection, UUID organizationId, UUID eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, status, starts_at, ends_at FROM events.events WHERE org_id = ? AND id = ?")) {
            statement.setObject(1, organizationId);
            statement.setObject(2, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new BookingRefused(BookingRefused.Why.NO_EVENT, "no event " + eventId);
                }
                return new EventTimes(rs.getString("name"), rs.getString("status"), instant(rs, "starts_at"), instant(rs, "ends_at"));
            }
        }
    }

    /** The earliest reservation still holding the space for part of the booking's time (touching end to start is no overlap). */
    private static Optional<Reservation> firstOverlap(Connection connection, UUID organizationId, Booking booking) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + """
                 FROM spaces.reservations
                WHERE org_id = ? AND space_id = ? AND status <> 'released' AND starts_at < ? AND ends_at > ?
                ORDER BY starts_at, id LIMIT 1""")) {
            statement.setObject(1, organizationId);
            statement.setObject(2, booking.spaceId());
            statement.setObject(3, booking.endsAt().atOffset(ZoneOffset.UTC));
            statement.setObject(4, booking.startsAt().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(reservation(rs)) : Optional.empty();
            }
        }
    }

    private static void insert(Connection connection, UUID organizationId, Reservation reservation) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO spaces.reservations (org_id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, organizationId);
            statement.setObject(2, reservation.id());
            statement.setObject(3, reservation.spaceId());
            statement.setObject(4, reservation.eventId());
            statement.setString(5, reservation.purpose());
            statement.setString(6, reservation.status());
            statement.setObject(7, reservation.startsAt().atOffset(ZoneOffset.UTC));
            statement.setObject(8, reservation.endsAt().atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        }
    }

    private static Reservation reservation(ResultSet rs) throws SQLException {
        return new Reservation(uuid(rs, "id"), uuid(rs, "space_id"), uuid(rs, "event_id"), rs.getString("purpose"), rs.getString("status"),
                instant(rs, "starts_at"), instant(rs, "ends_at"));
    }
}
