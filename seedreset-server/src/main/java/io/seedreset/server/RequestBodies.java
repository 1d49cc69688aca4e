package io.seedreset.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.UUID;

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
     * The body, a JSON object, as {@code type}. A field of the wrong shape fails as malformed JSON naming it
     * (the server's handler of the parser's exceptions), a field left out is null for the route to refuse.
     *
     * @throws ApiException 400 when the body is empty, or JSON but not an object ({@code null}, an array, a scalar)
     */
    public static <T> T read(Context ctx, Class<T> type) {
        String text = ctx.body();
        // Parsed as a tree first to see what it is; then mapped from the same text, so that an error's line and column are the caller's.
        JsonNode tree = text.isBlank() ? null : ctx.jsonMapper().fromJsonString(text, JsonNode.class);
        if (tree == null || !tree.isObject()) {
            throw new ApiException(400, "malformed_request", "the request body must be a JSON object");
        }
        return ctx.jsonMapper().fromJsonString(text, type);
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
