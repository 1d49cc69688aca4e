package io.seedreset.platform.agency;

import io.seedreset.platform.sql.Slice;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import static io.seedreset.platform.agency.TenantQuery.equal;
import static io.seedreset.platform.agency.TenantQuery.instant;
import static io.seedreset.platform.agency.TenantQuery.uuid;

/** Crews dispatched to events (module {@code dispatch}), in the order they are due. */
public final class WorkOrders {

    /** A work order's statuses (the table's CHECK constraint). */
    public static final List<String> STATUSES = List.of("scheduled", "dispatched", "completed", "cancelled");

    /** A vendor's crew sent to an event for one task. */
    public record WorkOrder(UUID id, UUID eventId, UUID vendorId, String task, String status, int crewSize, Instant scheduledAt) {
    }

    private final TenantQuery<WorkOrder> query;

    public WorkOrders(DataSource dataSource) {
        this.query = new TenantQuery<>(dataSource, "dispatch.work_orders",
                "id, event_id, vendor_id, task, status, crew_size, scheduled_at", "scheduled_at, id",
                rs -> new WorkOrder(uuid(rs, "id"), uuid(rs, "event_id"), uuid(rs, "vendor_id"), rs.getString("task"),
                        rs.getString("status"), rs.getInt("crew_size"), instant(rs, "scheduled_at")));
    }

    /** The organization's work orders, filtered by status, event and vendor where they are not null. */
    public Slice<WorkOrder> list(UUID organizationId, String status, UUID eventId, UUID vendorId, int offset, int limit)
            throws SQLException {
        return query.list(organizationId, offset, limit, equal("status", status), equal("event_id", eventId), equal("vendor_id", vendorId));
    }

    public Optional<WorkOrder> byId(UUID organizationId, UUID id) throws SQLException {
        return query.byId(organizationId, id);
    }
}
