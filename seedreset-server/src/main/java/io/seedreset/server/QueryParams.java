package io.seedreset.server;

import io.javalin.http.Context;
import java.util.Arrays;
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
}
