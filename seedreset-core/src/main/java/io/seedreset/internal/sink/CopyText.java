package io.seedreset.internal.sink;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Renders values in PostgreSQL's COPY text format. */
public final class CopyText {

    static final String NULL = "\\N";

    private CopyText() {
    }

    public static String render(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String text) {
            return escape(text);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof String[] array) {
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    literal.append(',');
                }
                literal.append('"').append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return escape(literal.append('}').toString());
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof java.util.UUID
                || value instanceof java.time.LocalDate || value instanceof java.time.LocalTime) {
            return value.toString();
        }
        throw new IllegalArgumentException("values of type " + value.getClass().getName()
                + " cannot be written; use String, a number, Boolean, UUID, Instant, LocalDate, LocalTime or String[]");
    }

    private static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
