package io.seedreset.server;

import io.javalin.http.Context;

/**
 * The page a list route is asked for: {@code ?offset=0&limit=50}. Bad values are the caller's
 * mistake (400, naming the parameter), not silently clamped.
 */
public record PageRequest(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The request's {@code offset} and {@code limit} query parameters, checked. */
    public static PageRequest of(Context ctx) {
        int offset = QueryParams.integer(ctx, "offset", 0);
        int limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT);
        if (offset < 0) {
            throw new ApiException(400, "bad_parameter", "offset " + offset + ": use 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(400, "bad_parameter", "limit " + limit + ": use 1-" + MAX_LIMIT);
        }
        return new PageRequest(offset, limit);
    }
}
