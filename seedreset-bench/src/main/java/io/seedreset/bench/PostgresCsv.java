package io.seedreset.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads what PostgreSQL's {@code COPY ... TO STDOUT WITH (FORMAT csv)} writes: comma-separated
 * fields, records ended by a newline, a field quoted when it holds a comma, a quote, a newline
 * or is the empty string, with {@code ""} standing for a quote inside quotes. The one thing a
 * generic CSV reader gets wrong is NULL: PostgreSQL writes it as an unquoted empty field and
 * the empty string as {@code ""}, so this reader returns null for the first and "" for the
 * second, and a seed script binding the values loads exactly what was exported.
 */
final class PostgresCsv {

    private static final char QUOTE = '"';
    private static final char DELIMITER = ',';

    private PostgresCsv() {
    }

    /** Every record, the header included if the text has one; a field is null where the text had NULL. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        int position = 0;
        int length = text.length();
        while (position < length) {
            int fieldStart = position;
            String field;
            if (text.charAt(position) == QUOTE) {
                StringBuilder value = new StringBuilder();
                position++;
                while (true) {
                    if (position >= length) {
                        throw malformed("a quoted field is never closed", text, fieldStart);
                    }
                    char c = text.charAt(position++);
                    if (c != QUOTE) {
                        value.append(c);
                    } else if (position < length && text.charAt(position) == QUOTE) {
                        value.append(QUOTE);
                        position++;
                    } else {
                        break;
                    }
                }
                if (position < length && !isFieldEnd(text.charAt(position))) {
                    throw malformed("text follows the closing quote of a field", text, position);
                }
                field = value.toString();
            } else {
                while (position < length && !isFieldEnd(text.charAt(position))) {
                    if (text.charAt(position) == QUOTE) {
                        throw malformed("a quote inside an unquoted field", text, position);
                    }
                    position++;
                }
                field = position == fieldStart ? null : text.substring(fieldStart, position);
            }
            fields.add(field);
            if (position < length && text.charAt(position) == DELIMITER) {
                position++;
                if (position == length) {
                    // "a," at the very end: the last field is an unquoted empty one, NULL.
                    fields.add(null);
                }
                continue;
            }
            position = skipRecordEnd(text, position);
            records.add(Collections.unmodifiableList(Arrays.asList(fields.toArray(new String[0]))));
            fields.clear();
        }
        if (!fields.isEmpty()) {
            records.add(Collections.unmodifiableList(Arrays.asList(fields.toArray(new String[0]))));
        }
        return records;
    }

    private static boolean isFieldEnd(char c) {
        return c == DELIMITER || c == '\n' || c == '\r';
    }

    /** Steps over \n or \r\n (PostgreSQL writes \n; \r\n is accepted so a file edited on Windows reads the same). */
    private static int skipRecordEnd(String text, int position) {
        if (position < text.length() && text.charAt(position) == '\r') {
            position++;
        }
        if (position < text.length() && text.charAt(position) == '\n') {
            position++;
        }
        return position;
    }

    private static IllegalArgumentException malformed(String problem, String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("not PostgreSQL CSV: " + problem + " (line " + line + ")");
    }
}
