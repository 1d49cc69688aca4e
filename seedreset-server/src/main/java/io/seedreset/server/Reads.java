package io.seedreset.server;

import io.javalin.http.Context;
import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Slice;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * How a module's read routes answer for the signed-in person: a list a page at a time, or the one row the path's
 * {@code id} names. Each query decides what the person may see; a row they may not see is answered as missing.
 */
public final class Reads {

    /** Reads one page of a list for the signed-in person. */
    @FunctionalInterface
    public interface Lister<T> {
        Slice<T> list(Person person, PageRequest page) throws SQLException;
    }

    /** Reads the row a path names, if the signed-in person may see it. */
    @FunctionalInterface
    public interface Finder<T> {
        Optional<T> find(Person person, UUID id) throws SQLException;
    }

    private Reads() {
    }

    /** Answers a list route: the page the query asks for (400 for bad paging), with the total. */
    public static <T> void page(Context ctx, Lister<T> lister) throws SQLException {
        PageRequest page = PageRequest.of(ctx);
        Slice<T> found = lister.list(AuthRoutes.person(ctx), page);
        ctx.json(Page.of(found.items(), page, found.total()));
    }

    /** Answers a route of one row named by the path's id: the row, or 404 when the person may not see it (or it is not there). */
    public static <T> void one(Context ctx, String what, Finder<T> finder) throws SQLException {
        UUID id = PathIds.uuid(ctx, "id", what);
        ctx.json(finder.find(AuthRoutes.person(ctx), id).orElseThrow(() -> ApiException.notFound(what, id.toString())));
    }
}
