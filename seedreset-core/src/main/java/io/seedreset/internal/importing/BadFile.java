package io.seedreset.internal.importing;

import java.io.IOException;

/**
 * A file that cannot be imported as it is. An IOException so that it leaves a stream COPY is reading
 * (which then cancels the COPY); its message is the whole one-line answer but for the file's name,
 * which the loader puts in front.
 *
 * @param line   the file's line (1-based), 0 when the fault is the whole file's
 * @param column a column's name, or a character's place in the line, or null
 */
public final class BadFile extends IOException {

    private final long line;
    private final String column;
    private final String what;

    public BadFile(long line, String column, String what) {
        super(where(line, column) + what);
        this.line = line;
        this.column = column;
        this.what = what;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    /** What is wrong, without where. */
    public String what() {
        return what;
    }

    private static String where(long line, String column) {
        return (line > 0 ? "line " + line + (column == null ? "" : ", ") : "") + (column == null ? "" : "column " + column)
                + (line > 0 || column != null ? ": " : "");
    }
}
