package io.seedreset.internal.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A file's records, one at a time: the column names it gives, then each record's values in their order, with the lines they stand on. */
interface Records extends Closeable {

    /** The file formats an import reads, told apart by the file's extension. */
    enum Format {
        CSV, JSON;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            return null;
        }

        /**
         * Opens a file's records.
         *
         * @param arrayColumns columns of an array type: a JSON array given for one becomes an array's text
         */
        Records open(InputStream in, Set<String> arrayColumns) throws IOException {
            Utf8Reader reader = new Utf8Reader(in);
            return this == CSV ? new CsvRecords(reader) : new JsonRecords(reader, arrayColumns);
        }
    }

    /** The column names the file gives (a CSV file's header, a JSON file's first object's keys); empty for an empty file. */
    List<String> columns();

    /** The line where the file names column {@code i}. */
    long columnLine(int i);

    /** The next record's values in the order of {@link #columns()} (null for SQL NULL), or null after the last. */
    String[] next() throws IOException;

    /** The line where the record {@link #next()} returned starts. */
    long line();

    /** The line where that record's value {@code i} starts (a quoted CSV field or a JSON object may span lines). */
    long valueLine(int i);
}
