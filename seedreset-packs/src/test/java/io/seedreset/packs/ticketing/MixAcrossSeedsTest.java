package io.seedreset.packs.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ticket mix and order size are drawn per row, so one seed can land a few points off: on
 * average over many seeds they hit the targets. Generated in memory, without a database.
 */
class MixAcrossSeedsTest {

    private static final int SEEDS = 30;

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void ticket_statuses_and_tickets_per_order_average_out_to_the_targets(String mode) {
        TicketingDemoPack pack = new TicketingDemoPack();
        Map<String, Object> parameters = pack.descriptor().mode(mode).orElseThrow().defaults();
        Map<String, Double> shares = new HashMap<>();
        double perOrder = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Tally tally = new Tally();
            pack.generate(new PackContext(TicketingDemoPack.ID, "mix-" + seed, seed, TicketingTenant.ANCHOR, mode, parameters), tally);
            tally.statuses.forEach((status, count) -> shares.merge(status, count / (double) tally.tickets / SEEDS, Double::sum));
            perOrder += tally.quantity / (double) tally.orders / SEEDS;
        }

        assertThat(shares.get("VALID")).isCloseTo(0.60, within(0.03));
        assertThat(shares.get("USED")).isCloseTo(0.20, within(0.03));
        assertThat(shares.get("TRANSFERRED")).isCloseTo(0.10, within(0.02));
        assertThat(shares.get("CANCELLED")).isCloseTo(0.10, within(0.02));
        assertThat(perOrder).isCloseTo(2.3, within(0.1));
    }

    /** Counts tickets by status and tickets per order; keeps no rows. */
    private static final class Tally implements RowSink {
        final Map<String, Integer> statuses = new HashMap<>();
        int tickets;
        int orders;
        int quantity;

        @Override
        public UUID add(String table, Row row) {
            switch (table) {
                case "ticketing.tickets" -> {
                    statuses.merge((String) row.values().get("status"), 1, Integer::sum);
                    tickets++;
                }
                case "ticketing.orders" -> orders++;
                case "ticketing.order_items" -> quantity += (Integer) row.values().get("quantity");
                default -> {
                }
            }
            return row.id();
        }

        @Override
        public void update(String table, Row changes) {
            throw new UnsupportedOperationException("ticketing-demo only adds rows");
        }
    }
}
