package io.seedreset.server.agency;

import io.javalin.http.Context;
import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.identity.Person;
import io.seedreset.server.ApiException;
import io.seedreset.server.AuthRoutes;
import io.seedreset.server.Page;
import io.seedreset.server.PageRequest;
import io.seedreset.server.PathIds;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What every agency route does with its request: checks who calls, reads its filters, and answers a page
 * of rows or one row of the caller's organization (never of the request's choosing).
 */
final class AgencyRequests {

    /** Where the agency's people are kept; ticketing's accounts are another module's. */
    static final String AGENCY_PEOPLE = "identity.users";

    /** The description of the 403 every agency route answers a ticketing account. */
    static final String NOT_AGENCY = "forbidden: the caller is not one of the agency's people (a ticketing account)";
    /** The descriptions of a list route's page parameters (PageRequest). */
    static final String OFFSET = "Rows to skip (default 0)";
    static final String LIMIT = "Rows to answer, 1-" + PageRequest.MAX_LIMIT + " (default " + PageRequest.DEFAULT_LIMIT + ")";
    /** The description of a route's 404 for an id. */
    static final String NOT_FOUND = "not_found: the organization has no such row (another organization's is not found either)";
    /** The description of a list route's 400. */
    static final String BAD_PARAMETER = "bad_parameter: a filter's value is not one the list knows, or offset or limit is out of range";

    /** One page of the organization's rows, from the page's offset, at most its limit. */
    @FunctionalInterface
    interface Lister<T> {
        Slice<T> list(UUID organizationId, int offset, int limit) throws SQLException;
    }

    /** One row of the organization, if it has it. */
    @FunctionalInterface
    interface Finder<T> {
        Optional<T> find(UUID organizationId, UUID id) throws SQLException;
    }

    private AgencyRequests() {
    }

    /** The signed-in person, when they are one of the agency's people; otherwise 403. */
    static Person person(Context ctx) {
        Person person = AuthRoutes.person(ctx);
        if (!AGENCY_PEOPLE.equals(person.table())) {
            throw ApiException.forbidden(person.email() + " is a ticketing account: the agency's modules answer the agency's people only");
        }
        return person;
    }

    /** Answers a page of the caller's organization's rows ({@code ?offset&limit}), filtered as {@code lister} reads the query. */
    static <T> void page(Context ctx, Lister<T> lister) throws SQLException {
        Person person = person(ctx);
        PageRequest page = PageRequest.of(ctx);
        Slice<T> slice = lister.list(person.organizationId(), page.offset(), page.limit());
        ctx.json(Page.of(slice.items(), page, slice.total()));
    }

    /** Answers the caller's organization's row the path's {@code id} names, or 404 naming it as {@code what}. */
    static <T> void one(Context ctx, String what, Finder<T> finder) throws SQLException {
        Person person = person(ctx);
        UUID id = PathIds.uuid(ctx, "id", what);
        ctx.json(finder.find(person.organizationId(), id).orElseThrow(() -> ApiException.notFound(what, id.toString())));
    }

    /** The query parameter {@code name}, one of {@code allowed}, or null when it is not given. */
    static String oneOf(Context ctx, String name, List<String> allowed) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new ApiException(400, "bad_parameter", name + " '" + value + "' is not one of: " + String.join(", ", allowed));
        }
        return value;
    }
}
