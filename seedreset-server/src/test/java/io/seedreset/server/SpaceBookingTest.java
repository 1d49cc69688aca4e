package io.seedreset.server;

import static io.seedreset.server.AgencyApi.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.ValidationResult;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Booking a space for an event ({@code POST /api/v1/spaces/reservations}) over real HTTP on event-agency-starter's
 * rows: a free slot is booked and reads back, a held one is refused naming the hold, bad input and unknown ids
 * write nothing, two bookings of one slot at once never both succeed, and the pack's rules still hold after.
 * Each test books its own (space, event) pair, one no seeded reservation holds, so the tests never meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpaceBookingTest {

    private static final String ORGANIZATION = "lakeside-demo";
    private static final String RESERVATIONS = "/api/v1/spaces/reservations";

    /** A room and an event no reservation holds it for, and the event's times. */
    private record Slot(String spaceId, String eventId, Instant startsAt, Instant endsAt) {

        Map<String, Object> booking(Instant from, Instant to) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("spaceId", spaceId);
            body.put("eventId", eventId);
            body.put("startsAt", from.toString());
            body.put("endsAt", to.toString());
            return body;
        }

        /** The event's first {@code hours} hours, from {@code fromHour}. */
        Map<String, Object> hours(int fromHour, int hours) {
            return booking(startsAt.plus(Duration.ofHours(fromHour)), startsAt.plus(Duration.ofHours(fromHour + hours)));
        }
    }

    private ApiFixture api;
    private String owner;
    private List<Slot> free;

    @BeforeAll
    void start() throws Exception {
        api = ApiFixture.start(ORGANIZATION, "Lakeside Events (demo)");
        api.apply("event-agency-starter", ORGANIZATION);
        owner = AgencyApi.signIn(api, ORGANIZATION, "owner");
        free = freeSlots(api, ORGANIZATION);
        assertThat(free).as("(space, event) pairs no seeded reservation holds").hasSizeGreaterThanOrEqualTo(5);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void a_free_slot_is_booked_confirmed_and_reads_back_and_the_packs_rules_still_hold() throws Exception {
        Slot slot = free.get(0);
        ApiFixture.Response booked = api.post(owner, RESERVATIONS, slot.hours(0, 2));
        assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
        String id = booked.body().get("id").asText();
        assertThat(booked.headers().firstValue("Location")).hasValue(RESERVATIONS + "/" + id);
        assertThat(booked.body().get("status").asText()).isEqualTo("confirmed");
        assertThat(booked.body().get("purpose").asText()).as("the event's name when no purpose is given")
                .isEqualTo(api.tenant.strings("SELECT name FROM events.events WHERE id = ?::uuid", slot.eventId()).get(0));
        assertThat(Instant.parse(booked.body().get("startsAt").asText())).isEqualTo(slot.startsAt());

        assertThat(api.get(owner, RESERVATIONS + "/" + id).body()).isEqualTo(booked.body());
        assertThat(api.get(owner, RESERVATIONS + "?spaceId=" + slot.spaceId() + "&eventId=" + slot.eventId()).items())
                .containsExactly(booked.body());
        assertThat(api.tenant.strings("SELECT status FROM spaces.reservations WHERE org_id = " + ORG + " AND id = ?::uuid",
                ORGANIZATION, id)).containsExactly("confirmed");
        Map<String, Object> withPurpose = slot.hours(2, 1);
        withPurpose.put("purpose", "Speaker rehearsal");
        ApiFixture.Response next = api.post(owner, RESERVATIONS, withPurpose);
        assertThat(next.status()).as("starting when the other ends is no overlap: " + next.body()).isEqualTo(201);
        assertThat(next.body().get("purpose").asText()).isEqualTo("Speaker rehearsal");
        assertValidates();
    }

    @Test
    void an_overlapping_hold_of_the_same_room_is_409_naming_it_and_nothing_is_written() throws Exception {
        Slot slot = free.get(1);
        String first = api.post(owner, RESERVATIONS, slot.hours(1, 2)).body().get("id").asText();
        long before = reservations();
        ApiFixture.Response refused = api.post(owner, RESERVATIONS, slot.hours(2, 3));
        assertThat(refused.reason(409)).isEqualTo("space_taken");
        assertThat(refused.body().at("/error/message").asText()).contains(first, slot.startsAt().plus(Duration.ofHours(1)).toString(),
                slot.startsAt().plus(Duration.ofHours(3)).toString(), "(confirmed)");
        assertThat(reservations()).isEqualTo(before);

        // A tentative hold blocks the room too (the pack's rule counts every hold but a released one) ...
        api.tenant.execute("UPDATE spaces.reservations SET status = 'tentative' WHERE id = ?::uuid", first);
        assertThat(api.post(owner, RESERVATIONS, slot.hours(0, 2)).body().at("/error/message").asText()).contains(first, "(tentative)");
        // ... and a released one no longer does.
        api.tenant.execute("UPDATE spaces.reservations SET status = 'released' WHERE id = ?::uuid", first);
        assertThat(api.post(owner, RESERVATIONS, slot.hours(0, 2)).status()).isEqualTo(201);
        assertValidates();
    }

    @Test
    void a_seeded_confirmed_reservation_holds_its_room() throws Exception {
        Map<String, Object> seeded = api.tenant.rows("SELECT id::text AS id, space_id::text AS space, event_id::text AS event,"
                + " starts_at, ends_at FROM spaces.reservations WHERE org_id = " + ORG + " AND status = 'confirmed' ORDER BY starts_at, id",
                ORGANIZATION).get(0);
        Instant startsAt = ((Timestamp) seeded.get("starts_at")).toInstant();
        Instant endsAt = ((Timestamp) seeded.get("ends_at")).toInstant();
        Slot held = new Slot((String) seeded.get("space"), (String) seeded.get("event"), startsAt, endsAt);
        ApiFixture.Response refused = api.post(owner, RESERVATIONS, held.booking(startsAt, endsAt));
        assertThat(refused.reason(409)).isEqualTo("space_taken");
        assertThat(refused.body().at("/error/message").asText())
                .contains((String) seeded.get("id"), startsAt.toString(), endsAt.toString());
    }

    @Test
    void bad_input_unknown_ids_and_times_outside_the_event_are_refused_and_nothing_is_written() throws Exception {
        Slot slot = free.get(2);
        long before = reservations();
        for (String field : List.of("spaceId", "eventId", "startsAt", "endsAt")) {
            Map<String, Object> body = slot.hours(0, 1);
            body.remove(field);
            ApiFixture.Response missing = api.post(owner, RESERVATIONS, body);
            assertThat(missing.reason(400)).as(field).isEqualTo("invalid_value");
            assertThat(missing.body().at("/error/message").asText()).isEqualTo(field + " is required");
        }
        assertThat(message(api.post(owner, RESERVATIONS, slot.booking(slot.startsAt(), slot.startsAt())), 400, "invalid_value"))
                .isEqualTo("endsAt " + slot.startsAt() + " must be after startsAt " + slot.startsAt());
        assertThat(api.post(owner, RESERVATIONS, slot.booking(slot.endsAt(), slot.startsAt())).reason(400)).isEqualTo("invalid_value");
        Map<String, Object> blank = slot.hours(0, 1);
        blank.put("purpose", " ");
        assertThat(api.post(owner, RESERVATIONS, blank).reason(400)).isEqualTo("invalid_value");
        assertThat(api.post(owner, RESERVATIONS, "null").reason(400)).isEqualTo("malformed_request");
        assertThat(api.post(owner, RESERVATIONS, "[]").reason(400)).isEqualTo("malformed_request");
        assertThat(api.post(owner, RESERVATIONS, "{\"spaceId\": ").reason(400)).isEqualTo("malformed_request");
        Map<String, Object> notAnId = slot.hours(0, 1);
        notAnId.put("spaceId", "room-1");
        assertThat(message(api.post(owner, RESERVATIONS, notAnId), 400, "malformed_request")).contains("'spaceId'");
        Map<String, Object> noZone = slot.hours(0, 1);
        noZone.put("startsAt", "2027-01-01T10:00:00");
        assertThat(message(api.post(owner, RESERVATIONS, noZone), 400, "malformed_request")).contains("'startsAt'");

        String unknown = UUID.randomUUID().toString();
        Map<String, Object> noSpace = slot.hours(0, 1);
        noSpace.put("spaceId", unknown);
        assertThat(message(api.post(owner, RESERVATIONS, noSpace), 404, "not_found")).isEqualTo("no space " + unknown);
        Map<String, Object> noEvent = slot.hours(0, 1);
        noEvent.put("eventId", unknown);
        assertThat(message(api.post(owner, RESERVATIONS, noEvent), 404, "not_found")).isEqualTo("no event " + unknown);

        assertThat(message(api.post(owner, RESERVATIONS, slot.booking(slot.startsAt().minus(Duration.ofHours(1)), slot.startsAt().plus(
                Duration.ofHours(1)))), 422, "outside_event")).contains("outside event");
        assertThat(api.post(owner, RESERVATIONS, slot.booking(slot.endsAt().minus(Duration.ofHours(1)), slot.endsAt().plus(
                Duration.ofMinutes(1)))).reason(422)).isEqualTo("outside_event");
        assertThat(reservations()).isEqualTo(before);
    }

    @Test
    void a_cancelled_event_books_nothing() throws Exception {
        Slot slot = free.get(3);
        api.tenant.execute("UPDATE events.events SET status = 'cancelled' WHERE id = ?::uuid", slot.eventId());
        long before = reservations();
        assertThat(message(api.post(owner, RESERVATIONS, slot.hours(0, 1)), 409, "event_cancelled")).contains("is cancelled");
        assertThat(reservations()).isEqualTo(before);
    }

    @Test
    void bookings_of_one_slot_at_once_never_both_succeed() throws Exception {
        Slot slot = free.get(4);
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 0; round < 3; round++) {
                Map<String, Object> booking = slot.hours(round, 1);
                CyclicBarrier together = new CyclicBarrier(clients);
                List<Future<ApiFixture.Response>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    answers.add(pool.submit(() -> {
                        together.await();
                        return api.post(owner, RESERVATIONS, booking);
                    }));
                }
                List<ApiFixture.Response> booked = new ArrayList<>();
                List<ApiFixture.Response> refused = new ArrayList<>();
                for (Future<ApiFixture.Response> answer : answers) {
                    ApiFixture.Response response = answer.get();
                    (response.status() == 201 ? booked : refused).add(response);
                }
                assertThat(booked).as("round " + round).hasSize(1);
                String winner = booked.get(0).body().get("id").asText();
                assertThat(refused).as("round " + round).hasSize(clients - 1).allSatisfy(response -> {
                    assertThat(response.reason(409)).isEqualTo("space_taken");
                    assertThat(response.body().at("/error/message").asText()).contains(winner);
                });
                assertThat(api.tenant.strings("SELECT id::text FROM spaces.reservations WHERE org_id = " + ORG
                        + " AND space_id = ?::uuid AND event_id = ?::uuid", ORGANIZATION, slot.spaceId(), slot.eventId()))
                        .as("round " + round).hasSize(round + 1).contains(winner);
            }
        } finally {
            pool.shutdownNow();
        }
        assertValidates();
    }

    @Test
    void booked_rows_are_not_seeded_rows_teardown_names_them_and_reset_removes_them() throws Exception {
        String organization = "ledger-demo";
        try (ApiFixture own = ApiFixture.start(organization, "Ledger Events (demo)")) {
            own.apply("event-agency-starter", organization);
            Slot slot = freeSlots(own, organization).get(0);
            String id = own.post(AgencyApi.signIn(own, organization, "planner"), RESERVATIONS, slot.hours(0, 1)).body().get("id").asText();

            assertThatThrownBy(() -> own.tenant.seedReset.teardown(TeardownRequest.of(organization).confirm(organization)))
                    .isInstanceOfSatisfying(SeedResetException.class,
                            e -> assertThat(e.reason()).isEqualTo(SeedResetException.Reason.ROWS_CHANGED))
                    .hasMessageContaining("spaces.reservations row " + id);
            own.tenant.seedReset.reset(ResetRequest.of(organization).confirm(organization).anchor(ApiFixture.ANCHOR));
            assertThat(own.tenant.queryForLong("SELECT count(*) FROM spaces.reservations WHERE id = ?::uuid", id)).isZero();
            assertThat(own.tenant.queryForLong("SELECT count(*) FROM spaces.reservations WHERE org_id = " + ORG, organization))
                    .as("the seeded reservations, back").isEqualTo(8);
        }
    }

    /** Every (space, event) pair of a bookable event that no reservation holds the space for during the event, in a stable order. */
    private static List<Slot> freeSlots(ApiFixture api, String organization) {
        List<Slot> slots = new ArrayList<>();
        for (Map<String, Object> row : api.tenant.rows("""
                SELECT s.id::text AS space, e.id::text AS event, e.starts_at, e.ends_at
                  FROM events.events e JOIN spaces.spaces s ON s.org_id = e.org_id
                 WHERE e.org_id = %s AND e.status <> 'cancelled' AND e.ends_at - e.starts_at >= interval '5 hours'
                   AND NOT EXISTS (SELECT 1 FROM spaces.reservations r
                                    WHERE r.org_id = e.org_id AND r.space_id = s.id AND r.status <> 'released'
                                      AND r.starts_at < e.ends_at AND r.ends_at > e.starts_at)
                 ORDER BY e.starts_at, s.name, s.id""".formatted(ORG), organization)) {
            slots.add(new Slot((String) row.get("space"), (String) row.get("event"), ((Timestamp) row.get("starts_at")).toInstant(),
                    ((Timestamp) row.get("ends_at")).toInstant()));
        }
        return slots;
    }

    private long reservations() {
        return api.tenant.queryForLong("SELECT count(*) FROM spaces.reservations WHERE org_id = " + ORG, ORGANIZATION);
    }

    private static String message(ApiFixture.Response response, int status, String reason) {
        assertThat(response.reason(status)).isEqualTo(reason);
        return response.body().at("/error/message").asText();
    }

    /** What {@code seedreset validate} runs: every rule of every pack applied to the organization. */
    private void assertValidates() {
        ValidationResult validation = api.tenant.seedReset.validate(ORGANIZATION);
        assertThat(validation.failed()).as("broken rules").isEmpty();
        assertThat(validation.rules()).isNotEmpty();
    }
}
