package io.seedreset.platform.modules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which of the API's modules an organization may use ({@code operations.module_flags}). A module an
 * organization has not switched is on, unless it is unstable and the organization is not production:
 * a demo, qa or sandbox organization shows a prospect only what is ready, until someone switches an
 * unstable module on for it. What is switched stays switched across resets: it is not tenant data.
 */
public final class ModuleFlags {

    /** A module of the API: its name and whether it is unstable (in beta). */
    public record Module(String name, boolean unstable) {
    }

    /**
     * A module's state in one organization.
     *
     * @param switched whether {@code enabled} was set for the organization (else it is the module's default)
     */
    public record State(String module, boolean unstable, boolean enabled, boolean switched) {
    }

    private final DataSource dataSource;

    public ModuleFlags(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether a module is on: as switched for the organization, else on unless unstable outside production. */
    public static boolean enabled(Module module, boolean production, Boolean switched) {
        return switched != null ? switched : production || !module.unstable();
    }

    /** The modules switched on or off for the organization, by name. */
    public Map<String, Boolean> switches(UUID organizationId) throws SQLException {
        Map<String, Boolean> switches = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT module, enabled FROM operations.module_flags WHERE organization_id = ?")) {
            statement.setObject(1, organizationId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    switches.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return switches;
    }

    /** Each module's state in the organization, in the order given. */
    public List<State> states(UUID organizationId, boolean production, List<Module> modules) throws SQLException {
        Map<String, Boolean> switches = switches(organizationId);
        return modules.stream()
                .map(module -> new State(module.name(), module.unstable(), enabled(module, production, switches.get(module.name())),
                        switches.containsKey(module.name())))
                .toList();
    }

    /** Switches modules on ({@code true}) or off for the organization, all in one transaction. */
    public void set(UUID organizationId, Map<String, Boolean> changes, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO operations.module_flags (organization_id, module, enabled, changed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (organization_id, module) DO UPDATE SET enabled = EXCLUDED.enabled, changed_at = EXCLUDED.changed_at""")) {
                for (Map.Entry<String, Boolean> change : changes.entrySet()) {
                    statement.setObject(1, organizationId);
                    statement.setString(2, change.getKey());
                    statement.setBoolean(3, change.getValue());
                    statement.setTimestamp(4, Timestamp.from(now));
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
