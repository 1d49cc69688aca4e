package io.seedreset.server.console;

import java.util.Optional;

/** What the console shows when something was refused or went wrong: the one-line reason, and a way back. Never a stack trace. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String render(Viewer viewer, String title, String message, String backHref, String backLabel) {
        Html content = Html.of("""
                <section class="card error-card" aria-labelledby="error-title">
                  <h1 id="error-title">{}</h1>
                  <p class="form-error" role="alert">{}</p>
                  <p><a class="button button-secondary" href="{}">{}</a></p>
                </section>""", title, message, backHref, backLabel);
        return viewer == null ? Layout.standalone(title, content) : Layout.page(title, viewer, Layout.Section.NONE, Optional.empty(), content);
    }
}
