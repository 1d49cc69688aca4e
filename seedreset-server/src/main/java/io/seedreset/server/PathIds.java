package io.seedreset.server;

import io.javalin.http.Context;
import java.util.UUID;

/** Ids in paths: one that is not even a UUID names no row, and gets the same 404 as any other missing one. */
public final class PathIds {

    private PathIds() {
    }

    /** The path parameter {@code name} as a UUID; {@code what} names the row in the 404 ("event", "order"). */
    public static UUID uuid(Context ctx, String name, String what) {
        String value = ctx.pathParam(name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what, value);
        }
    }
}
