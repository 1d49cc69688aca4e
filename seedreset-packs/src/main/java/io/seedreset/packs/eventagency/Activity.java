package io.seedreset.packs.eventagency;

import io.seedreset.pack.ActivityPack;
import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.eventagency.Catalog.EventType;
import io.seedreset.packs.eventagency.Catalog.Offer;
import io.seedreset.packs.people.People;
import io.seedreset.packs.people.People.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One day at the agency on top of the seeded data: a new lead for an upcoming event, sold to the
 * event's client, opened during the agency's office hours that day. Read from the organization's
 * rows, so it follows whatever events the agency holds; a day without an upcoming event has none.
 */
final class Activity {

    /** A lead is worth chasing only for an event at least this far out. */
    private static final int LEAD_TIME_DAYS = 14;

    private final PackContext ctx;
    private final LocalDate day;
    private final RowSink sink;
    private final ZoneId zone;

    Activity(PackContext ctx, LocalDate day, RowSink sink) {
        this.ctx = ctx;
        this.day = day;
        this.sink = sink;
        // The agency's metro, as the pack drew it.
        this.zone = ctx.draw("agency", 0).pick(Catalog.METROS).zone();
    }

    void run() {
        Instant earliestStart = day.plusDays(LEAD_TIME_DAYS).atStartOfDay(zone).toInstant();
        List<Map<String, Object>> events = ctx.query("""
                SELECT id, name, event_type, client_name, starts_at FROM events.events
                 WHERE org_id = :org AND status IN ('inquiry', 'planning', 'confirmed') AND starts_at >= ?
                 ORDER BY starts_at, id""", earliestStart);
        if (events.isEmpty()) {
            return;
        }
        Draw draw = ctx.draw(ActivityPack.key(day, "deal"), 0);
        Map<String, Object> event = draw.pick(events);
        EventType type = Catalog.EVENT_TYPES.stream().filter(t -> t.code().equals(event.get("event_type"))).findFirst().orElse(null);
        if (type == null) {
            return;
        }
        List<Offer> toClient = type.offers().stream().filter(o -> !o.toSponsor()).toList();
        Offer offer = draw.pick(toClient.isEmpty() ? type.offers() : toClient);
        String client = (String) event.get("client_name");
        // The client's contact the agency already deals with, else a new one at the client.
        List<Map<String, Object>> known = ctx.query("""
                SELECT contact_name, contact_email FROM sales.deals
                 WHERE org_id = :org AND event_id = ? AND client_company = ? ORDER BY opened_at, id LIMIT 1""", event.get("id"), client);
        String contactName;
        String contactEmail;
        if (known.isEmpty()) {
            Person contact = People.adult(draw, day.atStartOfDay(zone).toInstant());
            contactName = contact.firstName() + " " + contact.lastName();
            contactEmail = Contacts.email(contact.firstName(), contact.lastName(), Contacts.domain(client));
        } else {
            contactName = (String) known.get(0).get("contact_name");
            contactEmail = (String) known.get(0).get("contact_email");
        }
        LocalDate firstDay = LocalDate.ofInstant((Instant) event.get("starts_at"), zone);
        LocalDate expectedClose = day.plusDays(draw.between(7, 45));
        if (expectedClose.isAfter(firstDay.minusDays(7))) {
            expectedClose = firstDay.minusDays(7);
        }
        UUID id = ctx.id(ActivityPack.key(day, "deal"), 0);
        sink.add("sales.deals", Row.withId(id)
                .set("event_id", event.get("id"))
                .set("title", offer.title() + ": " + event.get("name"))
                .set("client_company", client)
                .set("contact_name", contactName)
                .set("contact_email", contactEmail)
                .set("stage", "lead")
                .set("amount", draw.money(offer.minAmount(), offer.maxAmount(), offer.step()))
                .set("probability", draw.pick(List.of(10, 20)))
                .set("opened_at", ZonedDateTime.of(day, LocalTime.of(draw.between(8, 17), draw.between(0, 59)), zone).toInstant())
                .set("expected_close", expectedClose));
    }
}
