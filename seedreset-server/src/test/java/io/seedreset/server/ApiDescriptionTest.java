package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.seedreset.platform.staff.Staff;
import io.seedreset.server.admin.AdminApi;
import io.seedreset.server.admin.StaffDesk;
import io.seedreset.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API's description over real HTTP: {@code /openapi.json} describes every route the server has and
 * the error object, and {@code /swagger} loads nothing from another host.
 */
class ApiDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A src or href attribute's value, quoted either way. */
    private static final Pattern ASSET = Pattern.compile("\\b(?:src|href)\\s*=\\s*([\"'])(.*?)\\1", Pattern.CASE_INSENSITIVE);
    /** An absolute URL, or one relative to the scheme ({@code //host/...}), in HTML or text. */
    private static final Pattern ANY_URL = Pattern.compile("(?i)https?://|[\"'(=\\s]//\\w");

    private TestTenant tenant;
    private SeedResetServer server;
    private final AtomicReference<Javalin> app = new AtomicReference<>();

    @BeforeEach
    void start() {
        tenant = TestTenant.builder().organization("acme-demo", "Acme (demo)").build();
        // As seedreset serve builds it (ServeCommand), so that every route it serves is held to its description.
        // The reference to Javalin lists the routes.
        java.time.Clock clock = java.time.Clock.systemUTC();
        PlatformApi platform = new PlatformApi(tenant.dataSource, clock, TestUploads.store());
        server = new SeedResetServer(tenant.seedReset, ServerSettings.defaults().withPort(0))
                .routes(platform)
                .routes(new AdminApi(new StaffDesk(tenant.seedReset, tenant.dataSource, clock, platform), new Staff(tenant.dataSource, clock)))
                .routes(app::set);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_document_is_openapi_3_json_whose_text_points_at_the_demo_logins_without_a_link() throws Exception {
        HttpResponse<String> response = get(ApiDescription.DOCUMENT_PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isEqualTo("Seed & Reset platform API");
        assertThat(document.at("/info/version").asText()).as("the project's version, from the build").isNotBlank();
        String description = document.at("/info/description").asText();
        assertThat(description).contains("`docs/DEMO_DATA.md`").doesNotContain("](").doesNotContainPattern(ANY_URL);
        assertThat(description).as("staff find how to call the admin routes").contains("`/api/admin/v1`", "`seedreset staff create <name>`");
        assertThat(document.get("security")).as("no null where OpenAPI wants a list").isNull();
        assertThat(document.at("/components/securitySchemes").isMissingNode() || !document.at("/components/securitySchemes").isEmpty())
                .as("no empty securitySchemes (Swagger UI's Authorize button for nothing)").isTrue();
    }

    @Test
    void every_route_the_server_has_is_described_and_nothing_else() throws Exception {
        JsonNode paths = JSON.readTree(get(ApiDescription.DOCUMENT_PATH).body()).get("paths");
        Set<String> described = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> routes = app.get().unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.getEndpoint())
                .filter(endpoint -> endpoint.getMethod().isHttpMethod())
                .filter(endpoint -> !isTheDescriptionsOwn(endpoint))
                // Javalin's <name> is OpenAPI's {name}.
                .map(endpoint -> endpoint.getMethod().name() + " " + endpoint.getPath().replaceAll("<([^>]+)>", "{$1}"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(routes).contains("GET /health");
        assertThat(described)
                .as("a route without an @OpenApi description, or a description of no route: see ApiDescription's javadoc")
                .isEqualTo(routes);
    }

    @Test
    void every_operation_answers_its_errors_with_the_error_schema_and_every_reference_resolves() throws Exception {
        String body = get(ApiDescription.DOCUMENT_PATH).body();
        JsonNode document = JSON.readTree(body);
        List<String> withoutError = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!"#/components/schemas/ErrorBody".equals(operation.getValue().at("/responses/default/content/application~1json/schema/$ref").asText())) {
                withoutError.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertThat(withoutError).as("operations whose default response is not an ErrorBody").isEmpty();

        Matcher reference = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"").matcher(body);
        while (reference.find()) {
            assertThat(document.at("/components/schemas").has(reference.group(1))).as(reference.group(0)).isTrue();
        }
    }

    @Test
    void the_error_schema_is_the_object_the_server_answers() throws Exception {
        JsonNode schemas = JSON.readTree(get(ApiDescription.DOCUMENT_PATH).body()).at("/components/schemas");
        JsonNode errorBody = schemas.get("ErrorBody");
        assertThat(texts(errorBody.get("required"))).containsExactly("error");
        JsonNode error = schemas.get(errorBody.at("/properties/error/$ref").asText().replace("#/components/schemas/", ""));
        assertThat(error.at("/properties/status/type").asText()).isEqualTo("integer");
        assertThat(error.at("/properties/details/additionalProperties/type").asText()).isEqualTo("string");

        // A real error: its fields are exactly the schema's, all of them required.
        JsonNode answered = JSON.readTree(get("/nowhere").body());
        assertThat(fieldNames(answered)).containsExactly("error");
        assertThat(fieldNames(answered.get("error")))
                .containsExactlyElementsOf(fieldNames(error.get("properties")))
                .containsExactlyElementsOf(texts(error.get("required")));
    }

    @Test
    void swagger_ui_is_html_that_loads_its_scripts_and_styles_from_this_server_and_they_answer() throws Exception {
        HttpResponse<String> page = get(ApiDescription.UI_PATH);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("<title>Seed &amp; Reset platform API</title>");

        List<String> assets = new ArrayList<>();
        Matcher asset = ASSET.matcher(html);
        while (asset.find()) {
            assets.add(asset.group(2));
        }
        assertThat(assets).as("the page's scripts and stylesheets")
                .anyMatch(url -> url.endsWith(".js")).anyMatch(url -> url.endsWith(".css"))
                .allSatisfy(url -> assertThat(url).as("relative to this server").startsWith("/").doesNotStartWith("//"));
        assertThat(html).as("no URL of another host anywhere in the page (the validator's included)").doesNotContainPattern(ANY_URL);

        for (String url : assets) {
            HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(uri(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.body()).as(url).isNotEmpty();
        }
        assertThat(html).contains("url: '" + ApiDescription.DOCUMENT_PATH + "?v=default'");
        assertThat(JSON.readTree(get(ApiDescription.DOCUMENT_PATH + "?v=default").body()).at("/paths/~1health").isObject()).isTrue();
    }

    @Test
    void unknown_routes_beside_the_descriptions_are_still_the_json_404() throws Exception {
        for (String path : List.of("/nowhere", "/openapi", "/swagger/nothing", ApiDescription.WEBJAR_PATH + "/0.0.0/missing.js")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("status").asInt()).as(path).isEqualTo(404);
            assertThat(error.get("reason").asText()).as(path).isEqualTo("unknown_route");
        }
    }

    private static boolean isTheDescriptionsOwn(Endpoint endpoint) {
        String path = endpoint.getPath();
        return path.equals(ApiDescription.DOCUMENT_PATH) || path.equals(ApiDescription.UI_PATH)
                || path.startsWith(ApiDescription.WEBJAR_PATH + "/");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return Http.get(server, path);
    }

    private URI uri(String path) {
        return Http.uri(server, path);
    }
}
