package io.seedreset.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The server's version and the settings that decide what a durable load costs, for the report's header. */
record ServerInfo(String version, Map<String, String> settings) {

    private static final List<String> SHOWN = List.of("fsync", "synchronous_commit", "full_page_writes", "wal_level",
            "shared_buffers", "max_wal_size");

    static ServerInfo read(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> settings = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
                for (String name : SHOWN) {
                    statement.setString(1, name);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        settings.put(name, rs.getString(1));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('server_version')");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new ServerInfo(rs.getString(1), settings);
            }
        }
    }

    String describeSettings() {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
