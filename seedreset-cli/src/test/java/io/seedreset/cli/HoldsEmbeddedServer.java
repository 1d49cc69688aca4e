package io.seedreset.cli;

import io.seedreset.cli.database.Database;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A command that holds its own embedded server as long as a test wants: it starts the server as
 * every command does, prints {@code ready}, and stops it when its standard input ends. Run as a
 * process of its own, it can also be killed, leaving the server behind as a killed command does.
 */
public final class HoldsEmbeddedServer {

    private HoldsEmbeddedServer() {
    }

    /** @param args the data directory and the command to hold it as ({@code seedreset apply}) */
    public static void main(String[] args) throws IOException {
        try (Database database = Database.embedded(Path.of(args[0]), args[1])) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the server until the test closes our standard input
            }
        }
    }
}
