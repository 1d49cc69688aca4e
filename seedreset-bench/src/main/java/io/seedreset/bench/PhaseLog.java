package io.seedreset.bench;

import java.io.PrintStream;

/** Progress on stderr: what finished, when (since the start) and how long it took, so a long run shows where its time goes. */
final class PhaseLog {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long last = started;

    PhaseLog(PrintStream out) {
        this.out = out;
    }

    void done(String phase) {
        long now = System.nanoTime();
        out.printf("[%7.1f s] %s (%.1f s)%n", (now - started) / 1e9, phase, (now - last) / 1e9);
        last = now;
    }
}
