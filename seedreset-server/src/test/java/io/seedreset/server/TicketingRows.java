package io.seedreset.server;

import io.seedreset.testing.DatabaseReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What ticketing's workflows could change in an organization, summed up, so that a test can say nothing changed. */
final class TicketingRows {

    private static final List<String> TABLES = List.of("orders", "order_items", "tickets", "ticket_transfers", "scan_logs", "notifications",
            "events", "ticket_types");

    private TicketingRows() {
    }

    /**
     * Rows per table the workflows write, the mail they send, the inventory and promo counters, and the
     * columns they update (tickets' status and holder, events' status, scanners' last use), hashed per table.
     */
    static Map<String, String> state(DatabaseReader db, String organizationId) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String table : TABLES) {
            sql.append("(SELECT count(*) FROM ticketing.").append(table).append(" WHERE org_id = o.id)::text AS ").append(table).append(", ");
        }
        sql.append("""
                (SELECT count(*) FROM operations.mail WHERE organization_id = o.id)::text AS mail,
                (SELECT sum(quantity_sold) || '/' || sum(quantity_available) FROM ticketing.ticket_types WHERE org_id = o.id) AS inventory,
                (SELECT sum(used_count)::text FROM ticketing.promo_codes WHERE org_id = o.id) AS promo_uses,
                (SELECT md5(string_agg(id || status || holder_email || coalesce(holder_user_id::text, ''), ',' ORDER BY id))
                   FROM ticketing.tickets WHERE org_id = o.id) AS tickets_held,
                (SELECT md5(string_agg(id || status, ',' ORDER BY id)) FROM ticketing.events WHERE org_id = o.id) AS event_statuses,
                (SELECT md5(string_agg(id || coalesce(last_seen_at::text, '') || coalesce(operator_user_id::text, ''), ',' ORDER BY id))
                   FROM ticketing.scanners WHERE org_id = o.id) AS scanners
                  FROM platform.organizations o WHERE o.id = ?::uuid""");
        Map<String, String> state = new LinkedHashMap<>();
        db.rows(sql.toString(), organizationId).get(0).forEach((column, value) -> state.put(column, String.valueOf(value)));
        return state;
    }
}
