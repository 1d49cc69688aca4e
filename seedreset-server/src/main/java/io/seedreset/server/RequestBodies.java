package io.seedreset.server;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one way a route reads its JSON body. Javalin's mapper answers the JSON {@code null} with a null (a
 * NullPointerException later, answered as a bug) and maps an array or a scalar to whatever it can; here
 * anything but an object is the caller's mistake, 400 {@code malformed_request} like malformed JSON.
 */
public final class RequestBodies {

    /** What a route's 400 description adds for the bodies this refuses. */
    public static final String MALFORMED = "; malformed_request: the body is not a JSON object, or a field of the wrong shape";

    private RequestBodies() {
    }

    /**
     * The body, a JSON object, as {@code type}. A field left out is null for the route to refuse. Text that is not JSON
     * fails as malformed JSON at its line and column (the server's handler of the parser's exceptions).
     *
     * @throws ApiException 400 {@code malformed_request} when the body is empty, or JSON but not an object ({@code null}, an
     *                      array, a scalar); when a field is of the wrong shape (naming it and what it takes) or unknown
     *                      (naming it and the fields there are): one line, never the parser's words or the server's class names
     */
    public static <T> T read(Context ctx, Class<T> type) {
        String text = ctx.body();
        // Parsed as a tree first to see what it is; then mapped from the same text, so that an error's line and column are the caller's.
        JsonNode tree = text.isBlank() ? null : ctx.jsonMapper().fromJsonString(text, JsonNode.class);
        if (tree == null || !tree.isObject()) {
            throw new ApiException(400, "malformed_request", "the request body must be a JSON object");
        }
        try {
            return ctx.jsonMapper().fromJsonString(text, type);
        } catch (Exception e) {
            // Exception, not RuntimeException: the mapper throws the parser's checked exceptions without declaring them.
            JsonMappingException mapping = mappingError(e);
            if (mapping == null || mapping.getPath().isEmpty()) {
                throw e;
            }
            throw new ApiException(400, "malformed_request", said(mapping));
        }
    }

    /** The mapper's complaint about a field, under whatever wraps it. */
    private static JsonMappingException mappingError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return mapping;
            }
        }
        return null;
    }

    /** The complaint in one line: the field, and what it takes or the fields there are. */
    private static String said(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return "malformed JSON in field '" + field + "': no such field" + (known.isEmpty() ? "; leave it out" : "; the fields here are " + known);
        }
        Class<?> target = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        return "malformed JSON in field '" + field + "': " + (target == null ? "not of the shape it takes" : "it takes " + kind(target));
    }

    /** What a value of the type is, as the caller writes it in JSON. */
    private static String kind(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date, YYYY-MM-DD";
        }
        if (type == YearMonth.class) {
            return "a month, YYYY-MM";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a timestamp, like 2026-11-21T09:00:00Z";
        }
        if (type == UUID.class) {
            return "an id";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** An id in the body: null when left out (the platform says what is missing), 400 {@code invalid_request} naming the field when not a UUID. */
    public static UUID id(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_request", field + " is not an id: '" + value + "'");
        }
    }
}
