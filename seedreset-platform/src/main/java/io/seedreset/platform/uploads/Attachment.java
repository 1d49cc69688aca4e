package io.seedreset.platform.uploads;

import java.util.List;

/**
 * What an upload is attached to: the row's table, the column of {@code uploads.files} that names it, and the kinds of
 * file it takes. Who may upload and read is {@link Uploads}'s to decide.
 */
public enum Attachment {
    /** An image of an agency event (module events): a photo, a floor plan, a flyer. */
    EVENT_IMAGE("event", "events.events", "event_id", List.of("image/jpeg", "image/png", "image/webp", "image/gif")),
    /** A receipt or the supplier's invoice for a bill (module accounting): a scan or a PDF. */
    BILL_RECEIPT("bill", "accounting.bills", "bill_id", List.of("application/pdf", "image/jpeg", "image/png", "image/webp"));

    private final String what;
    private final String table;
    private final String column;
    private final List<String> contentTypes;

    Attachment(String what, String table, String column, List<String> contentTypes) {
        this.what = what;
        this.table = table;
        this.column = column;
        this.contentTypes = contentTypes;
    }

    /** The row's name in messages: {@code event}, {@code bill}. */
    public String what() {
        return what;
    }

    String table() {
        return table;
    }

    String column() {
        return column;
    }

    /** The content types it takes, as a request's {@code Content-Type} names them. */
    public List<String> contentTypes() {
        return contentTypes;
    }
}
