package io.seedreset.internal.engine;

import io.seedreset.api.SeedResetException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns what PostgreSQL says into the one-line messages of {@link SeedResetException}. */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    static SeedResetException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = serverMessage(e);
        if (state.startsWith("SR")) {
            // Raised by the guard triggers in platform.*: the data-level boundary held.
            return new SeedResetException(SeedResetException.Kind.REFUSED, message + " (database guard)", e);
        }
        if (state.equals("40001") || state.equals("40P01")) {
            // Another transaction changed the same organization or ledger rows at the same time.
            return new SeedResetException(SeedResetException.Kind.CONFLICT, "another operation changed the same rows at the same time ("
                    + firstSentence(message) + "): nothing was changed; try again", e);
        }
        if (state.startsWith("08")) {
            return new SeedResetException(SeedResetException.Kind.FAILURE, "cannot connect to the database: "
                    + firstSentence(message) + "; check the URL (--url or SEEDRESET_URL) and that PostgreSQL is running", e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new SeedResetException(SeedResetException.Kind.FAILURE, "the database refused the login: "
                    + message + "; check --user and --password", e);
        }
        if (state.equals("3D000")) {
            return new SeedResetException(SeedResetException.Kind.FAILURE, message + "; create it or fix the URL", e);
        }
        return new SeedResetException(SeedResetException.Kind.FAILURE, "database error: " + message
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"), e);
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
