package io.seedreset.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiContentProperty;
import io.javalin.openapi.OpenApiExampleProperty;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;

/**
 * The API's description: {@code GET /openapi.json} (OpenAPI 3) and Swagger UI at {@code GET /swagger},
 * whose scripts and styles come from the swagger-ui webjar on the classpath (no CDN).
 *
 * <p>The document is generated at compile time from the {@link OpenApi} annotations on the server's
 * classes (javalin-openapi's annotation processor, configured in the module's pom); at run time
 * {@link #register} adds the title and the text below. To describe a route, annotate its handler
 * (a method or a field) with {@code @OpenApi}, as {@link #health()} does for the server's own route:
 * path and method, an {@code operationId}, a tag, its success response, each error status the route
 * itself answers, and the {@code default} response every route shares, an {@link ErrorBody}:
 * <pre>{@code
 * @OpenApiResponse(status = "default", description = ApiDescription.ERROR,
 *         content = @OpenApiContent(from = ErrorBody.class))
 * }</pre>
 * {@code ApiDescriptionTest} fails for a route the document leaves out and for an operation without
 * that response.
 */
public final class ApiDescription {

    /** Where the document is served. */
    public static final String DOCUMENT_PATH = "/openapi.json";
    /** Where Swagger UI is served. */
    public static final String UI_PATH = "/swagger";
    /** Where Swagger UI's scripts and styles are served from, out of the webjar (the swagger plugin's default). */
    public static final String WEBJAR_PATH = "/webjars/swagger-ui";

    /** The description of the {@code default} response: every route's errors, one {@link ErrorBody} each. */
    public static final String ERROR = "Any failure: one JSON error object, its status the HTTP status, its reason what went wrong";

    static final String TITLE = "Seed & Reset platform API";

    static final String DESCRIPTION = """
            The platform API of Seed & Reset (`seedreset serve`): the same Java API as the `seedreset` command, over HTTP.

            Every failure answers one JSON object, `ErrorBody`: `{"error": {"status": 404, "reason": "unknown_organization", \
            "message": "...", "details": {...}}}`. The reason is the engine's in lower case (bad input 400, unknown names 404, \
            refused 403, conflicts 409, a broken rule 422, the database unavailable 503, a bug 500), or the server's own: \
            `unknown_route` 404, `method_not_allowed` 405, `malformed_request` 400, `request_too_large` 413, `internal_error` 500. \
            The message is one line; `details` holds the values the message names, under documented keys.

            The demo logins (personas) of the packs that have them, and their password, are in `docs/DEMO_DATA.md` \
            in the Seed & Reset repository.

            The routes under `/api/admin/v1` (tag `admin`) are for staff, not personas: they take a staff token \
            (`seedreset staff create <name>` prints one) and run the engine's operations as the CLI does, refusing every \
            seed action on a production organization (403, audited).""";

    private ApiDescription() {
    }

    /** Serves the document and Swagger UI: SeedResetServer's configuration calls this once. */
    public static void register(JavalinConfig config) {
        config.registerPlugin(new OpenApiPlugin(openApi -> openApi
                .withDocumentationPath(DOCUMENT_PATH)
                .withDefinitionConfiguration((version, definition) -> definition
                        .withInfo(info -> info.title(TITLE).description(DESCRIPTION))
                        .withDefinitionProcessor(ApiDescription::withoutEmptySecurity))));
        config.registerPlugin(new SwaggerPlugin(swagger -> {
            swagger.setDocumentationPath(DOCUMENT_PATH);
            swagger.setUiPath(UI_PATH);
            swagger.setWebJarPath(WEBJAR_PATH);
            swagger.setTitle(TITLE.replace("&", "&amp;")); // the plugin writes it into the page as it is
            // Its default would have every visitor's browser send the document to swagger.io's validator.
            swagger.setValidatorUrl(null);
        }));
    }

    /**
     * Until the API has a security scheme, the plugin writes {@code "security": null}, where OpenAPI wants
     * a list or nothing, and an empty {@code securitySchemes}, for which Swagger UI shows an Authorize
     * button that authorizes nothing: both go. A configured scheme stays as it is.
     */
    private static String withoutEmptySecurity(ObjectNode document) {
        if (document.path("security").isNull()) {
            document.remove("security");
        }
        if (document.path("components").path("securitySchemes").isEmpty() && document.path("components") instanceof ObjectNode components) {
            components.remove("securitySchemes");
        }
        return document.toPrettyString();
    }

    /** Describes {@code GET /health}, the route SeedResetServer registers itself. */
    @OpenApi(
            path = "/health",
            methods = HttpMethod.GET,
            operationId = "health",
            tags = "server",
            summary = "Whether the server is up",
            description = "Answers as long as the server runs; it does not touch the database.",
            responses = {
                    @OpenApiResponse(status = "200", description = "The server is up",
                            content = @OpenApiContent(mimeType = "application/json",
                                    properties = @OpenApiContentProperty(name = "status", type = "string"),
                                    exampleObjects = @OpenApiExampleProperty(name = "status", value = "ok"))),
                    @OpenApiResponse(status = "default", description = ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void health() {
        // The handler is SeedResetServer's; this method only carries the description.
    }
}
