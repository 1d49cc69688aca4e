package io.seedreset.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Filters in the query string, checked: a value the filter does not know is the caller's mistake (400, naming it and what it takes). */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * The query parameter {@code name} as one of the enum's values, spelled as the enum spells them
     * ({@code ?status=ON_SALE}); null when it is absent or empty.
     */
    public static <E extends Enum<E>> E oneOf(Context ctx, String name, Class<E> values) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(values, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad_parameter", name + " '" + value + "' is not one of "
                    + Arrays.stream(values.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** The query parameter {@code name} as an id ({@code ?eventId=...}), or null when it is absent or empty. */
    public static UUID id(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad_parameter", name + " '" + value + "' is not an id (a UUID)");
        }
    }

    /** The query parameter {@code name} as {@code true} or {@code false}, or null when it is absent or empty. */
    public static Boolean bool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ApiException(400, "bad_parameter", name + " '" + value + "' is not one of true, false");
        };
    }

    /** The query parameter {@code name} as a whole number of up to 64 bits (an id, a position), or null when it is absent or empty. */
    public static Long wholeNumber(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad_parameter", name + " '" + value + "' is not a whole number");
        }
    }

    /** The query parameter {@code name} as a whole number, or {@code fallback} when it is absent or empty. */
    public static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad_parameter", name + " '" + value + "' is not a whole number");
        }
    }

    /** The query parameter {@code name} as a day ({@code ?asOf=2026-09-30}), or null when it is absent or empty. */
    public static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "bad_parameter", name + " '" + value + "' is not a date: use YYYY-MM-DD");
        }
    }
}
