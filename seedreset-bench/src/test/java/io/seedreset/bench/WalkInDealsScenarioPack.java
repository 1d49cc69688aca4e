package io.seedreset.bench;

import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scenario on top of event-agency-starter, standing in for high-volume-sales in the tests:
 * a crowd of walk-in deals on the base pack's first event (awkward text included), and an
 * update of that event's status, which teardown must put back.
 */
public class WalkInDealsScenarioPack implements SeedPack {

    static final String ID = "bench-walk-ins";
    private static final String BASE = "event-agency-starter";

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor(ID, "1.0.0", "Walk-in deals", "Many small deals on the base pack's first event.",
                List.of("sales"), List.of(Mode.of("default", "400 deals", Map.of())),
                List.of(Parameter.integer("deals", "walk-in deals", 400, 1, 100_000)), List.of(BASE));
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        UUID event = context.idOf(BASE, "event", 0);
        Instant opened = context.anchor().minus(Duration.ofDays(365));
        for (int i = 0; i < context.integer("deals"); i++) {
            sink.add("sales.deals", Row.withId(context.id("walk-in", i))
                    .set("event_id", event)
                    .set("title", i % 3 == 0 ? "Walk-in, \"door\" sale\nno. " + i : "Walk-in " + i)
                    .set("client_company", i % 2 == 0 ? "" : "Acme, Inc.")
                    .set("contact_name", "Guest " + i)
                    .set("contact_email", "guest" + i + "@example.com")
                    .set("stage", "won")
                    .set("amount", new BigDecimal("25.00"))
                    .set("probability", 100)
                    // A year before the anchor: before any event of the base pack starts, as its rules require.
                    .set("opened_at", opened)
                    .set("expected_close", LocalDate.ofInstant(opened, ZoneOffset.UTC).plusDays(7)));
        }
        sink.update("events.events", Row.withId(event).set("status", "confirmed"));
    }
}
