package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The door scanners, so that door staff know which devices they may scan on
 * ({@code POST /scanners/{id}/scan} takes one of their company's): scanners and promoters read their
 * company's devices, admins every one; customers none (a device is staff equipment).
 */
public final class ScannerQueries {

    private static final String COLUMNS = """
            s.id, s.name, s.device_type, s.serial_number, s.active, s.last_seen_at, c.id AS company_id, c.name AS company_name,
            u.id AS operator_id, u.first_name || ' ' || u.last_name AS operator_name,
            e.id AS event_id, e.name AS event_name, e.starts_at AS event_starts_at, e.status AS event_status""";
    private static final String FROM = """
            ticketing.scanners s
            JOIN ticketing.companies c ON c.org_id = s.org_id AND c.id = s.company_id
            LEFT JOIN ticketing.users u ON u.org_id = s.org_id AND u.id = s.operator_user_id
            LEFT JOIN ticketing.events e ON e.org_id = s.org_id AND e.id = s.event_id""";
    /** By the start of the event they check in for (unassigned devices last), then by name. */
    private static final String ORDER = "e.starts_at NULLS LAST, s.name, s.id";

    private final DataSource dataSource;

    public ScannerQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The devices the person may read, filtered by event and by being switched on when those are given.
     *
     * @param eventId only the devices assigned to this event, or null for any
     * @param active  only the devices switched on (true) or off (false), or null for both
     * @throws NotPermitted for a customer
     */
    public Slice<DoorScanner> list(Person person, UUID eventId, Boolean active, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Select select = visible(connection, person);
            if (eventId != null) {
                select.where("s.event_id = ?", eventId);
            }
            if (active != null) {
                select.where("s.active = ?", active);
            }
            return select.page(connection, ORDER, offset, limit, ScannerQueries::scanner);
        }
    }

    /**
     * The device, if the person may read it (another company's is not found, like a missing one).
     *
     * @throws NotPermitted for a customer
     */
    public Optional<DoorScanner> find(Person person, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return visible(connection, person).where("s.id = ?", id).one(connection, ScannerQueries::scanner);
        }
    }

    /** The devices of the person's organization they may read: their company's, or every one for an admin. */
    private static Select visible(Connection connection, Person person) throws SQLException {
        TicketingAccount account = TicketingAccount.of(person);
        account.require("scanners", Role.ADMIN, Role.PROMOTER, Role.SCANNER);
        Select select = new Select(COLUMNS, FROM, "s.org_id", account.organizationId());
        return account.role() == Role.ADMIN ? select : select.where("s.company_id = ?", account.companyId());
    }

    private static DoorScanner scanner(ResultSet rs) throws SQLException {
        return new DoorScanner(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("device_type"), rs.getString("serial_number"),
                rs.getBoolean("active"), Select.instant(rs, "last_seen_at"), rs.getObject("company_id", UUID.class), rs.getString("company_name"),
                rs.getObject("operator_id", UUID.class), rs.getString("operator_name"), rs.getObject("event_id", UUID.class),
                rs.getString("event_name"), Select.instant(rs, "event_starts_at"), rs.getString("event_status"));
    }
}
