package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Sql;
import io.seedreset.platform.sql.Transactions;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A promoter drafts an event for their company, and adds its ticket tiers; each in one transaction.
 *
 * <p>A draft is held to the ticketing-demo pack's rules for events, so that the organization still validates:
 * it ends after it starts ({@code event-dates-ordered}), its sales open no earlier than it is created
 * ({@code dates-well-formed}: created_at never after sales_start) and close no later than it starts
 * ({@code sales-end-before-start}), and its slug is unique ({@code unique-event-slugs}, made as the pack makes
 * slugs: {@link EventSlugs}). Sales default to opening now and closing when the event starts, the capacity to the
 * venue's; the time zone is the venue's. Any venue of the organization will do (promoters book venues other
 * companies operate); one of another organization is a 404.
 *
 * <p>A tier may be added while the event is DRAFT, PUBLISHED or ON_SALE (409 {@code event_closed} after), by a
 * promoter of the event's company (an event of another company is a 404 to them, as it is not theirs to change),
 * as long as the tiers' quantities together stay within the event's capacity ({@code ticket-inventory}): else 409
 * {@code over_capacity}, which the tiers already there decide, as another tier's removal or a larger capacity would
 * let the same request pass.
 */
public final class EventDrafting {

    public static final List<String> CATEGORIES = List.of("CONCERT", "SPORTS", "THEATER", "COMEDY", "CONFERENCE", "FESTIVAL");
    public static final List<String> TIERS = List.of("EARLY_BIRD", "GENERAL", "VIP");
    private static final Set<String> OPEN_FOR_TIERS = Set.of("DRAFT", "PUBLISHED", "ON_SALE");
    private static final int LONGEST_NAME = 200;
    /** The pack's rule {@code dates-well-formed} keeps every timestamp before 2100. */
    private static final Instant NOT_FROM = Instant.parse("2100-01-01T00:00:00Z");

    private final DataSource dataSource;
    private final Clock clock;

    public EventDrafting(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What a promoter drafts; sales times, capacity, description and tags may be left out (null). */
    public record EventDraft(String name, UUID venueId, String category, Instant startsAt, Instant endsAt, Instant salesStart,
                             Instant salesEnd, Integer capacity, String description, List<String> tags) {
    }

    /** The event as drafted. */
    public record DraftedEvent(UUID id, String slug, String name, String status, String category, UUID venueId, UUID promoterCompanyId,
                               Instant startsAt, Instant endsAt, String timezone, Instant salesStart, Instant salesEnd, int capacity,
                               String description, List<String> tags, Instant createdAt) {
    }

    /** A tier to add: EARLY_BIRD, GENERAL or VIP, its name, its price (to the cent) and how many it offers. */
    public record TierDraft(String tier, String name, BigDecimal price, Integer quantity) {
    }

    /** A tier as added. */
    public record AddedTicketType(UUID id, UUID eventId, String tier, String name, BigDecimal price, int quantityTotal, int quantitySold,
                                  int quantityAvailable) {
    }

    private record Venue(String city, String timezone, int capacity) {
    }

    public DraftedEvent draft(Person person, EventDraft draft) throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> {
            Caller promoter = Caller.of(connection, person).require("PROMOTER", "draft events");
            Instant now = io.seedreset.platform.clock.OrganizationClock.now(connection, clock, person.organizationId());
            UUID org = promoter.organizationId();
            requireName(draft.name());
            if (draft.category() == null || !CATEGORIES.contains(draft.category())) {
                throw WorkflowRefused.invalid("category must be one of " + CATEGORIES + ", not " + draft.category());
            }
            if (draft.startsAt() == null || draft.endsAt() == null) {
                throw WorkflowRefused.invalid("an event needs startsAt and endsAt");
            }
            if (!draft.endsAt().isAfter(draft.startsAt())) {
                throw WorkflowRefused.invalid("the event ends " + draft.endsAt() + ", not after it starts " + draft.startsAt());
            }
            if (!draft.endsAt().isBefore(NOT_FROM)) {
                throw WorkflowRefused.invalid("an event ends before " + NOT_FROM + ", not " + draft.endsAt());
            }
            if (!draft.startsAt().isAfter(now)) {
                throw WorkflowRefused.invalid("an event is drafted to start after now (" + now + "), not " + draft.startsAt());
            }
            Instant salesStart = draft.salesStart() == null ? now : draft.salesStart();
            Instant salesEnd = draft.salesEnd() == null ? draft.startsAt() : draft.salesEnd();
            if (salesStart.isBefore(now)) {
                throw WorkflowRefused.invalid("sales cannot open before the event is drafted (" + now + "), not " + salesStart);
            }
            if (!salesEnd.isAfter(salesStart) || salesEnd.isAfter(draft.startsAt())) {
                throw WorkflowRefused.invalid("sales run from " + salesStart + " to " + salesEnd
                        + ": they must close after they open and no later than the event starts");
            }
            if (draft.venueId() == null) {
                throw WorkflowRefused.invalid("an event needs a venueId");
            }
            Venue venue = venue(connection, org, draft.venueId());
            int capacity = draft.capacity() == null ? venue.capacity() : draft.capacity();
            if (capacity < 1 || capacity > venue.capacity()) {
                throw WorkflowRefused.invalid("capacity must be from 1 to the venue's " + venue.capacity() + ", not " + capacity);
            }
            if (draft.tags() != null && draft.tags().stream().anyMatch(tag -> tag == null || tag.isBlank())) {
                throw WorkflowRefused.invalid("a tag cannot be empty");
            }
            List<String> tags = draft.tags() == null ? List.of() : List.copyOf(draft.tags());
            String description = draft.description() == null ? "" : draft.description();

            UUID id = UUID.randomUUID();
            String slug = insertWithFreeSlug(connection, org, id, promoter.companyId(), draft, venue, description, tags, salesStart, salesEnd,
                    capacity, now);
            return new DraftedEvent(id, slug, draft.name().strip(), "DRAFT", draft.category(), draft.venueId(), promoter.companyId(),
                    draft.startsAt(), draft.endsAt(), venue.timezone(), salesStart, salesEnd, capacity, description, tags, now);
        });
    }

    public AddedTicketType addTicketType(Person person, UUID eventId, TierDraft draft) throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> {
            Caller promoter = Caller.of(connection, person).require("PROMOTER", "add ticket types");
            UUID org = promoter.organizationId();
            if (draft.tier() == null || !TIERS.contains(draft.tier())) {
                throw WorkflowRefused.invalid("tier must be one of " + TIERS + ", not " + draft.tier());
            }
            requireName(draft.name());
            if (draft.price() == null || draft.price().signum() < 0 || draft.price().stripTrailingZeros().scale() > 2) {
                throw WorkflowRefused.invalid("price must be an amount of 0 or more, to the cent, not " + draft.price());
            }
            if (draft.quantity() == null || draft.quantity() < 1) {
                throw WorkflowRefused.invalid("quantity must be at least 1, not " + draft.quantity());
            }
            int capacity;
            String status;
            int offered;
            // The event row is locked, so that two tiers added at once are counted one after the other.
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT e.status, e.capacity,
                           (SELECT coalesce(sum(t.quantity_total), 0) FROM ticketing.ticket_types t
                             WHERE t.org_id = e.org_id AND t.event_id = e.id) AS offered
                      FROM ticketing.events e WHERE e.org_id = ? AND e.id = ? AND e.promoter_company_id = ? FOR UPDATE""")) {
                statement.setObject(1, org);
                statement.setObject(2, eventId);
                statement.setObject(3, promoter.companyId());
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw WorkflowRefused.notFound("event", eventId);
                    }
                    status = rs.getString("status");
                    capacity = rs.getInt("capacity");
                    offered = rs.getInt("offered");
                }
            }
            if (!OPEN_FOR_TIERS.contains(status)) {
                throw WorkflowRefused.conflict("event_closed", "the event is " + status + ": tiers are added while it is "
                        + String.join(", ", OPEN_FOR_TIERS.stream().sorted().toList()), Map.of("eventId", eventId.toString()));
            }
            if ((long) offered + draft.quantity() > capacity) {
                throw WorkflowRefused.conflict("over_capacity", "the event's tiers offer " + offered + " tickets of its capacity " + capacity
                        + ": " + draft.quantity() + " more would exceed it", Map.of("eventId", eventId.toString(),
                        "capacity", Integer.toString(capacity), "offered", Integer.toString(offered)));
            }
            UUID id = UUID.randomUUID();
            BigDecimal price = draft.price().setScale(2);
            Sql.execute(connection, """
                    INSERT INTO ticketing.ticket_types (org_id, id, event_id, tier, name, price, quantity_total, quantity_sold, quantity_available)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""", org, id, eventId, draft.tier(), draft.name().strip(), price, draft.quantity(),
                    draft.quantity());
            return new AddedTicketType(id, eventId, draft.tier(), draft.name().strip(), price, draft.quantity(), 0, draft.quantity());
        });
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > LONGEST_NAME) {
            throw WorkflowRefused.invalid("name must be 1 to " + LONGEST_NAME + " characters");
        }
    }

    private static Venue venue(Connection connection, UUID org, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT city, timezone, capacity FROM ticketing.venues WHERE org_id = ? AND id = ?")) {
            statement.setObject(1, org);
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowRefused.notFound("venue", id);
                }
                return new Venue(rs.getString("city"), rs.getString("timezone"), rs.getInt("capacity"));
            }
        }
    }

    /**
     * Inserts the event under the first slug no event of the organization has; when another draft takes that
     * slug in the meantime (the unique constraint), the next one.
     */
    private static String insertWithFreeSlug(Connection connection, UUID org, UUID id, UUID company, EventDraft draft, Venue venue,
                                             String description, List<String> tags, Instant salesStart, Instant salesEnd, int capacity,
                                             Instant now) throws SQLException {
        String base = EventSlugs.of(draft.name(), venue.city(), draft.startsAt(), ZoneId.of(venue.timezone()));
        Set<String> taken = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT lower(slug) FROM ticketing.events WHERE org_id = ? AND (lower(slug) = ? OR lower(slug) LIKE ? || '-%')")) {
            statement.setObject(1, org);
            statement.setString(2, base);
            statement.setString(3, base);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
        }
        for (int n = 1; ; n++) {
            String slug = EventSlugs.candidate(base, n);
            if (taken.contains(slug)) {
                continue;
            }
            int written = Sql.execute(connection, """
                    INSERT INTO ticketing.events (org_id, id, promoter_company_id, venue_id, name, slug, category, tags, description,
                                                  starts_at, ends_at, timezone, status, sales_start, sales_end, capacity, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?) ON CONFLICT (org_id, slug) DO NOTHING""",
                    org, id, company, draft.venueId(), draft.name().strip(), slug, draft.category(),
                    connection.createArrayOf("text", tags.toArray()), description, draft.startsAt(), draft.endsAt(), venue.timezone(),
                    salesStart, salesEnd, capacity, now);
            if (written == 1) {
                return slug;
            }
        }
    }
}
