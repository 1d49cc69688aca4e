package io.seedreset.internal.engine;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns what PostgreSQL says into the one-line messages of {@link SeedResetException}. */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    static SeedResetException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = serverMessage(e);
        Map<String, String> details = state.isEmpty() ? Map.of() : Map.of(SeedResetException.SQL_STATE, state);
        if (state.startsWith("SR")) {
            // Raised by the guard triggers in platform.*: the data-level boundary held.
            return new SeedResetException(Reason.DATABASE_GUARD, message + " (database guard)", details, e);
        }
        if (state.equals("40001") || state.equals("40P01")) {
            // Another transaction changed the same organization or ledger rows at the same time.
            return new SeedResetException(Reason.CONCURRENT_CHANGE, "another operation changed the same rows at the same time ("
                    + firstSentence(message) + "): nothing was changed; try again", details, e);
        }
        if (state.startsWith("08")) {
            return new SeedResetException(Reason.DATABASE_UNAVAILABLE, "cannot connect to the database: "
                    + firstSentence(message) + "; check the database's URL and that PostgreSQL is running", details, e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new SeedResetException(Reason.DATABASE_UNAVAILABLE, "the database refused the login: "
                    + message + "; check the user name and password", details, e);
        }
        if (state.equals("3D000")) {
            return new SeedResetException(Reason.DATABASE_UNAVAILABLE, message + "; create it or fix the URL", details, e);
        }
        return new SeedResetException(Reason.DATABASE_ERROR, "database error: " + message
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"), details, e);
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
            }
        }
        return String.valueOf(e.getMessage()).replace('\n', ' ');
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end);
    }
}
