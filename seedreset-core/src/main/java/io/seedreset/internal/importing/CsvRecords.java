package io.seedreset.internal.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: a header line of column names, then one record per line, fields separated
 * by commas; a field in double quotes may hold commas, line breaks and doubled quotes ({@code ""}).
 * Lines end in LF or CRLF. As PostgreSQL's own CSV reads it, an empty unquoted field is NULL and an
 * empty quoted one ({@code ""}) the empty string. Blank lines between records are skipped, but in a file
 * of one column, where a blank line is a NULL. Only one record is held at a time.
 */
final class CsvRecords implements Records {

    /** The longest field taken: a quote never closed would otherwise read the rest of the file into one value. */
    static final int MAX_FIELD = 10 * 1024 * 1024;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private final List<String> columns;
    private long recordLine;
    private long[] valueLines = new long[0];

    CsvRecords(Reader in) throws IOException {
        this.in = in;
        List<String> header = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        if (record(header, lines, true)) {
            columns = List.copyOf(header);
        } else {
            columns = List.of();
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public long columnLine(int i) {
        return 1;
    }

    @Override
    public String[] next() throws IOException {
        List<String> values = new ArrayList<>(columns.size());
        List<Long> lines = new ArrayList<>(columns.size());
        while (record(values, lines, false)) {
            if (values.size() == 1 && values.get(0) == null && columns.size() != 1) {
                // A blank line.
                values.clear();
                lines.clear();
                continue;
            }
            if (values.size() != columns.size()) {
                throw new BadFile(recordLine, null, values.size() + (values.size() == 1 ? " field" : " fields") + " where the header has "
                        + columns.size());
            }
            valueLines = lines.stream().mapToLong(Long::longValue).toArray();
            return values.toArray(String[]::new);
        }
        valueLines = new long[0];
        return null;
    }

    @Override
    public long line() {
        return recordLine;
    }

    @Override
    public long valueLine(int i) {
        return i < valueLines.length ? valueLines[i] : recordLine;
    }

    /** Reads one record's fields into {@code values}; false at the end of the file. */
    private boolean record(List<String> values, List<Long> lines, boolean header) throws IOException {
        if (peek() < 0) {
            return false;
        }
        recordLine = line;
        StringBuilder field = new StringBuilder();
        while (true) {
            long fieldLine = line;
            field.setLength(0);
            boolean quoted = false;
            int c = peek();
            if (c == '"') {
                quoted = true;
                take();
                while (true) {
                    c = take();
                    if (c < 0) {
                        throw new BadFile(fieldLine, name(values.size(), header), "a quoted field is never closed (a '\"' is missing)");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            take();
                            field.append('"');
                        } else {
                            break;
                        }
                    } else {
                        field.append((char) c);
                        if (field.length() > MAX_FIELD) {
                            throw new BadFile(fieldLine, name(values.size(), header), "a field longer than " + MAX_FIELD
                                    + " characters (is a quote never closed?)");
                        }
                    }
                }
                c = peek();
                if (c >= 0 && c != ',' && c != '\n' && !(c == '\r' && crlf())) {
                    throw new BadFile(line, name(values.size(), header), "text after a quoted field's closing quote (a quote inside a field is"
                            + " written twice: \"\")");
                }
            } else {
                while ((c = peek()) >= 0 && c != ',' && c != '\n' && !(c == '\r' && crlf())) {
                    field.append((char) take());
                    if (field.length() > MAX_FIELD) {
                        throw new BadFile(fieldLine, name(values.size(), header), "a field longer than " + MAX_FIELD + " characters");
                    }
                }
            }
            values.add(quoted || field.length() > 0 ? field.toString() : null);
            lines.add(fieldLine);
            c = take();
            if (c == ',') {
                continue;
            }
            if (c == '\r') {
                take();
            }
            return true;
        }
    }

    /** Whether the '\r' next is the start of a CRLF line end. */
    private boolean crlf() throws IOException {
        if (position + 1 >= limit) {
            // Keep the '\r' and what follows it in one buffer.
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read > 0) {
                limit += read;
            }
        }
        return position + 1 < limit && buffer[position + 1] == '\n';
    }

    private String name(int index, boolean header) {
        return header || index >= columns.size() ? String.valueOf(index + 1) : columns.get(index);
    }

    private int peek() throws IOException {
        if (position == limit) {
            int read = in.read(buffer, 0, buffer.length);
            if (read <= 0) {
                return -1;
            }
            position = 0;
            limit = read;
        }
        return buffer[position];
    }

    private int take() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
