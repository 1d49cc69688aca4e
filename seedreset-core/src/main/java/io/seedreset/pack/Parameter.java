package io.seedreset.pack;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed pack parameter, set with {@code --set name=value}. Values are parsed and checked
 * here, so every front end reports a bad value with the same message.
 */
public record Parameter(String name, Type type, String description, Object defaultValue,
                        long min, long max, List<String> choices) {

    public enum Type { INTEGER, BOOLEAN, CHOICE, TEXT }

    /** ASCII digits only: Long.parseLong also reads other scripts' digits ("٣" is 3). */
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
    }

    public static Parameter integer(String name, String description, long defaultValue, long min, long max) {
        return new Parameter(name, Type.INTEGER, description, defaultValue, min, max, List.of());
    }

    public static Parameter bool(String name, String description, boolean defaultValue) {
        return new Parameter(name, Type.BOOLEAN, description, defaultValue, 0, 0, List.of());
    }

    public static Parameter choice(String name, String description, String defaultValue, List<String> choices) {
        return new Parameter(name, Type.CHOICE, description, defaultValue, 0, 0, choices);
    }

    public static Parameter text(String name, String description, String defaultValue) {
        return new Parameter(name, Type.TEXT, description, defaultValue, 0, 0, List.of());
    }

    /** Parses a value given as text; the message of the exception says what was expected. */
    public Object parse(String raw) {
        String value = raw == null ? "" : raw.trim();
        switch (type) {
            case INTEGER -> {
                long parsed;
                try {
                    if (!INTEGER.matcher(value).matches()) {
                        throw new NumberFormatException(value);
                    }
                    parsed = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(expectation() + ", got '" + raw + "'");
                }
                if (parsed < min || parsed > max) {
                    throw new IllegalArgumentException(expectation() + ", got " + parsed);
                }
                return parsed;
            }
            case BOOLEAN -> {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(value);
                }
                throw new IllegalArgumentException(expectation() + ", got '" + raw + "'");
            }
            case CHOICE -> {
                if (choices.contains(value)) {
                    return value;
                }
                throw new IllegalArgumentException(expectation() + ", got '" + raw + "'");
            }
            default -> {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException(expectation() + ", got an empty value");
                }
                return value;
            }
        }
    }

    /** Checks a value that arrived typed (from a mode or the Java API) and returns it normalised. */
    public Object check(Object value) {
        return parse(String.valueOf(value));
    }

    /** "an integer between 1 and 200", "one of minimal, default", ... */
    public String expectation() {
        return switch (type) {
            case INTEGER -> "expects an integer between " + min + " and " + max;
            case BOOLEAN -> "expects true or false";
            case CHOICE -> "expects one of " + String.join(", ", choices);
            case TEXT -> "expects a non-empty text";
        };
    }
}
