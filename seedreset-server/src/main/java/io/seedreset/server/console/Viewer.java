package io.seedreset.server.console;

/** Who is looking at a page: the staff member's name for the header, the session's CSRF token for its forms. */
record Viewer(String name, String csrf) {

    /** The hidden field every form of the console posts; the console refuses a form without it. */
    Html csrfField() {
        return Html.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", StaffConsole.CSRF_FIELD, csrf);
    }
}
