package io.seedreset.internal.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON as an array of objects, one per row, read with Jackson's streaming parser: only one object is
 * held at a time. The first object's keys are the columns, and every other object has the same keys,
 * in any order. A string, number or boolean is the column's text as written; null is NULL; an array
 * given for an array column becomes PostgreSQL's array text, and any other array or object its JSON
 * text (for json and jsonb columns).
 */
final class JsonRecords implements Records {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;
    private final Set<String> arrayColumns;
    private final List<String> columns = new ArrayList<>();
    private final List<Long> columnLines = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private String[] first;
    private long[] firstLines;
    private long recordLine;
    private long[] valueLines = new long[0];
    private boolean done;

    JsonRecords(Reader in, Set<String> arrayColumns) throws IOException {
        this.arrayColumns = arrayColumns;
        try {
            this.parser = JSON.getFactory().createParser(in);
            JsonToken token = parser.nextToken();
            if (token == null) {
                done = true;
                return;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new BadFile(line(parser.currentTokenLocation()), null, "a JSON file to import is an array of objects, one per row");
            }
            readFirst();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** Reads the first object, whose keys name the columns. */
    private void readFirst() throws IOException {
        if (!startObject()) {
            done = true;
            return;
        }
        List<String> values = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            long keyLine = line(parser.currentTokenLocation());
            if (index.putIfAbsent(key, columns.size()) != null) {
                throw new BadFile(keyLine, key, "the key appears twice in one object");
            }
            columns.add(key);
            columnLines.add(keyLine);
            parser.nextToken();
            lines.add(line(parser.currentTokenLocation()));
            values.add(value(key));
        }
        first = values.toArray(String[]::new);
        firstLines = lines.stream().mapToLong(Long::longValue).toArray();
    }

    /** Moves to the next element's START_OBJECT; false at the array's end. */
    private boolean startObject() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new BadFile(line(parser.currentTokenLocation()), null, "text after the array's end");
            }
            return false;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new BadFile(line(parser.currentTokenLocation()), null, "each element of the array is an object (one row), not "
                    + (token == null ? "the end of the file" : token.asString() == null ? "a " + token.name().toLowerCase() : token.asString()));
        }
        recordLine = line(parser.currentTokenLocation());
        return true;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public long columnLine(int i) {
        return columnLines.get(i);
    }

    @Override
    public String[] next() throws IOException {
        if (first != null) {
            String[] values = first;
            valueLines = firstLines;
            first = null;
            firstLines = null;
            return values;
        }
        if (done) {
            return null;
        }
        try {
            if (!startObject()) {
                done = true;
                return null;
            }
            String[] values = new String[columns.size()];
            long[] lines = new long[columns.size()];
            boolean[] given = new boolean[columns.size()];
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String key = parser.currentName();
                long keyLine = line(parser.currentTokenLocation());
                Integer i = index.get(key);
                if (i == null) {
                    throw new BadFile(keyLine, key, "not a key of the first object (every object has the same keys)");
                }
                if (given[i]) {
                    throw new BadFile(keyLine, key, "the key appears twice in one object");
                }
                given[i] = true;
                parser.nextToken();
                lines[i] = line(parser.currentTokenLocation());
                values[i] = value(key);
            }
            for (int i = 0; i < given.length; i++) {
                if (!given[i]) {
                    throw new BadFile(recordLine, columns.get(i), "missing from this object (every object has the first object's keys; null for"
                            + " no value)");
                }
            }
            valueLines = lines;
            return values;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** The current value as PostgreSQL's text input for the column. */
    private String value(String column) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case START_ARRAY, START_OBJECT -> {
                JsonNode node = JSON.readTree(parser);
                yield node.isArray() && arrayColumns.contains(column) ? PostgresArrays.text(node) : node.toString();
            }
            default -> throw new BadFile(line(parser.currentTokenLocation()), column, "not a value: " + token);
        };
    }

    @Override
    public long line() {
        return recordLine;
    }

    @Override
    public long valueLine(int i) {
        return i < valueLines.length ? valueLines[i] : recordLine;
    }

    private static long line(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    private static BadFile malformed(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String message = e.getOriginalMessage().lines().findFirst().orElse("malformed JSON");
        return new BadFile(location == null ? 0 : line(location), location == null || location.getColumnNr() < 1 ? null
                : String.valueOf(location.getColumnNr()), "malformed JSON: " + message);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
    }
}
