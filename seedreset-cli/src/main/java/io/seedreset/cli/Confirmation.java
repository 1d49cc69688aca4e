package io.seedreset.cli;

import java.io.Console;
import picocli.CommandLine.Option;

/**
 * The typed slug that apply, teardown and reset need ({@code --confirm}). Without it, the user is
 * asked on a terminal; without a terminal, the missing confirmation goes to the engine, which
 * refuses (exit 4).
 */
final class Confirmation {

    @Option(names = "--confirm", paramLabel = "<slug>", description = "the organization's slug, typed to confirm")
    String given;

    String obtain(String verb, String slug) {
        if (given != null) {
            return given;
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        String typed = console.readLine("%s '%s': type the organization's slug to confirm: ", verb, slug);
        return typed == null ? null : typed.trim();
    }
}
