package io.seedreset.server.console;

import io.seedreset.platform.identity.ApiTokens;
import java.util.List;

/**
 * What a form's action left to say on the page it leads to: how it went, in a title and a few lines,
 * and the API tokens it issued (shown this once; the database keeps only their hashes).
 */
record Notice(Tone tone, String title, List<String> details, List<ApiTokens.Issued> tokens) {

    enum Tone { SUCCESS, ERROR }

    Notice {
        details = List.copyOf(details);
        tokens = List.copyOf(tokens);
    }

    static Notice success(String title, List<String> details) {
        return new Notice(Tone.SUCCESS, title, details, List.of());
    }

    static Notice success(String title, List<String> details, List<ApiTokens.Issued> tokens) {
        return new Notice(Tone.SUCCESS, title, details, tokens);
    }
}
