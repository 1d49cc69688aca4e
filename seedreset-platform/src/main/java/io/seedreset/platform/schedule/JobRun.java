package io.seedreset.platform.schedule;

import io.seedreset.api.SeedReset;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.pack.Persona;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * One attempt of a scheduled job: the engine, acting as the schedule ({@code schedule:<job> (set by ...)},
 * as the audit names it), the database, the clock, and the organization's slug (null for a global job).
 */
public record JobRun(SeedReset acting, DataSource dataSource, Clock clock, String organization) {

    /**
     * Revokes the API tokens of the personas the packs applied to the organization created and issues new
     * ones, as the CLI and the staff desk do after a reset; returns how many. The new tokens are shown to
     * nobody (only their hashes are kept): whoever needs one runs {@code seedreset tokens issue}.
     */
    int reissuePersonaTokens() throws SQLException {
        List<String> emails = acting.personas(organization).stream().map(Persona::email).toList();
        List<ApiTokens.Issued> issued = emails.isEmpty() ? List.of() : new ApiTokens(dataSource, clock).reissue(organization, emails);
        return issued.size();
    }
}
