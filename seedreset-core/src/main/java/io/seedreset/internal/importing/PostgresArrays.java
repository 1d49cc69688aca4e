package io.seedreset.internal.importing;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON array as PostgreSQL's array input ({@code {"a","b",NULL}}), for an array column. */
final class PostgresArrays {

    private PostgresArrays() {
    }

    static String text(JsonNode array) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            JsonNode element = array.get(i);
            if (element.isNull()) {
                text.append("NULL");
            } else if (element.isArray()) {
                text.append(text(element));
            } else {
                String value = element.isValueNode() ? element.asText() : element.toString();
                text.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return text.append('}').toString();
    }
}
