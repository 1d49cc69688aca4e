package io.seedreset.server.console;

/** The sign-in page: a staff token, and where one comes from. */
final class SignInPage {

    private SignInPage() {
    }

    /**
     * @param csrf  the sign-in form's own CSRF token (no session exists yet: it is checked against a cookie)
     * @param next  the console page to go to once signed in, or null
     * @param error the one line saying why the last attempt was refused, or null
     */
    static String render(String csrf, String next, String error) {
        return Layout.standalone("Sign in", Html.of("""
                <section class="card signin" aria-labelledby="signin-title">
                  <h1 id="signin-title">Sign in to the staff console</h1>
                  <p class="muted">Run demo, QA and sandbox organizations: preview and apply packs, reset a demo before a call, read its mailbox.</p>
                  {}
                  <form method="post" action="/console/sign-in">
                    <input type="hidden" name="{}" value="{}">{}
                    <div class="field">
                      <label for="token">Staff token</label>
                      <input id="token" name="token" type="password" required autocomplete="current-password" spellcheck="false"
                             autofocus aria-describedby="token-hint"{}>
                      <p class="hint" id="token-hint">It starts with <code>srk_</code>. An administrator creates yours with <code>seedreset staff create &lt;your name&gt;</code>.</p>
                    </div>
                    <div class="actions"><button type="submit" class="button button-primary button-block">Sign in</button></div>
                  </form>
                </section>""", error == null ? Html.EMPTY : Html.of("<p class=\"form-error\" role=\"alert\" id=\"token-error\">{}</p>", error),
                StaffConsole.CSRF_FIELD, csrf, next == null ? Html.EMPTY : Html.of("<input type=\"hidden\" name=\"next\" value=\"{}\">", next),
                Html.when(error != null, Html.of(" aria-invalid=\"true\" aria-errormessage=\"token-error\""))));
    }
}
