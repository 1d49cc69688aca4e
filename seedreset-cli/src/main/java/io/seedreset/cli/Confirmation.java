package io.seedreset.cli;

import java.io.Console;

/**
 * The typed slug that apply, teardown and reset need. On a terminal the user is asked; without
 * one, the missing confirmation goes to the engine, which refuses (exit 4).
 */
final class Confirmation {

    private Confirmation() {
    }

    static String obtain(String given, String verb, String slug) {
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
