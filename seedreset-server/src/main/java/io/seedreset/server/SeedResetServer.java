package io.seedreset.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.json.SeedResetJson;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The HTTP server: one Javalin instance over one {@link SeedReset}, writing JSON in the dialect
 * every front end shares and answering every failure with an {@link ErrorBody}. Modules add their
 * routes through {@link #routes}; {@code GET /health} is the server's own.
 *
 * <p>Start it with {@link #start()}, stop it with {@link #close()} (try-with-resources).
 */
public final class SeedResetServer implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SeedResetServer.class);

    private final ServerSettings settings;
    private final SeedReset seedReset;
    private final Javalin app;

    public SeedResetServer(SeedReset seedReset, ServerSettings settings) {
        this.seedReset = seedReset;
        this.settings = settings;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(SeedResetJson.newMapper(), false));
            config.http.maxRequestSize = settings.maxRequestBytes();
            // Jetty reuses the header fields a connection sent before, matched without case by default: a bearer
            // token differing only in case from one sent earlier on the connection would arrive as that one.
            // Tokens are case-sensitive, so the cache must be too.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.requestLogger.http(new AccessLog());
            ApiDescription.register(config);
        });
        app.beforeMatched(new RateLimiter(settings.rateLimits())); // after every before handler: see RequestAttributes
        app.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        app.exception(SeedResetException.class, (e, ctx) -> error(ctx, HttpStatuses.of(e.reason()),
                e.reason().name().toLowerCase(Locale.ROOT), e.getMessage(), e.details()));
        app.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            error(ctx, e.status(), e.reason(), e.getMessage(), e.details());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), reasonOf(e.getStatus()),
                e.getStatus() == 413 ? tooLarge(settings) : e.getMessage(), Map.of()));
        app.exception(Exception.class, (e, ctx) -> {
            JsonProcessingException malformed = malformedJson(e);
            if (malformed != null) {
                error(ctx, 400, "malformed_request", "malformed JSON" + where(malformed) + ": " + malformed.getOriginalMessage(), Map.of());
                return;
            }
            // A bug: logged with its stack trace here, one line to the caller.
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal_error", "unexpected " + e.getClass().getSimpleName() + ": the server's log has the details", Map.of());
        });
        // Statuses Javalin sets itself (no route, wrong method) arrive here without a body.
        app.error(404, ctx -> {
            ApiException unknown = ApiException.unknownRoute(ctx);
            whenEmpty(ctx, 404, unknown.reason(), unknown.getMessage());
        });
        app.error(405, ctx -> whenEmpty(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
        app.error(413, ctx -> whenEmpty(ctx, 413, "request_too_large", tooLarge(settings)));
    }

    /** Adds routes: each module's are added this way, so that a module can be left out as a whole. */
    public SeedResetServer routes(Consumer<Javalin> module) {
        module.accept(app);
        return this;
    }

    /** The API the routes work through. */
    public SeedReset seedReset() {
        return seedReset;
    }

    /** Starts listening; returns the port (the chosen one when the settings said 0). */
    public int start() {
        app.start(settings.bind(), settings.port());
        return app.port();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String tooLarge(ServerSettings settings) {
        return "the request body is larger than " + settings.maxRequestBytes() + " bytes";
    }

    private static void whenEmpty(Context ctx, int status, String reason, String message) {
        String type = ctx.res().getContentType();
        // A page that answered with HTML of its own (the staff console's "not found") keeps it.
        if (ctx.result() == null || ctx.result().isEmpty() || type == null
                || !(type.startsWith("application/json") || type.startsWith("text/html"))) {
            error(ctx, status, reason, message, Map.of());
        }
    }

    private static void error(Context ctx, int status, String reason, String message, Map<String, String> details) {
        ctx.status(status).json(ErrorBody.of(status, reason, message, details));
    }

    /** The JSON parser's complaint under a failure reading a request body, if that is what it is. */
    private static JsonProcessingException malformedJson(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    /** Names the field when the value was of the wrong shape, else the place in the text. */
    private static String where(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return " in field '" + mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + "'";
        }
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 400 -> "malformed_request";
            case 404 -> "unknown_route";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            default -> "http_" + status;
        };
    }
}
