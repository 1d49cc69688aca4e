package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.seedreset.api.OrganizationKind;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Module flags over HTTP: a module switched off answers every route exactly as a route nobody declared;
 * an unstable module is off for demo organizations and on in production until switched; the person's
 * organization decides, never the request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleGateTest {

    private ApiFixture api;
    private String demo;
    private String otherDemo;
    private String production;

    /** A module of the test's, with a list and a detail route, in beta or not. */
    private static ApiModule probe(String name, boolean beta) {
        ApiModule module = new ApiModule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void routes(Javalin app) {
                app.get(prefix() + "/things", ctx -> ctx.json(Map.of("items", "things")));
                app.get(prefix() + "/things/{id}", ctx -> ctx.json(Map.of("id", ctx.pathParam("id"))));
            }
        };
        return beta ? ApiModule.inBeta(module) : module;
    }

    @BeforeAll
    void threeOrganizationsAndTwoModules() throws Exception {
        api = ApiFixture.start("encore-demo", "Encore (demo)", platform -> platform.plus(probe("beta-probe", true)).plus(probe("steady-probe", false)))
                .organization("encore-qa", "Encore (qa)", OrganizationKind.QA)
                .organization("encore", "Encore", OrganizationKind.PRODUCTION);
        demo = api.signInNewPerson("encore-demo", "owner@encore-demo.example");
        otherDemo = api.signInNewPerson("encore-qa", "owner@encore-qa.example");
        production = api.signInNewPerson("encore", "owner@encore.example");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void an_unstable_module_is_off_for_demo_organizations_and_on_in_production_stable_modules_are_on() throws Exception {
        assertLooksUnknown(api.get(demo, "/api/v1/beta-probe/things"), "GET /api/v1/beta-probe/things");
        assertLooksUnknown(api.get(otherDemo, "/api/v1/beta-probe/things/42"), "GET /api/v1/beta-probe/things/42");
        assertThat(api.get(production, "/api/v1/beta-probe/things").status()).isEqualTo(200);
        assertThat(api.get(demo, "/api/v1/steady-probe/things").status()).isEqualTo(200);
        assertThat(api.get(demo, "/api/v1/steady-probe/things/42").body().get("id").asText()).isEqualTo("42");
    }

    @Test
    void switched_on_for_one_organization_an_unstable_module_answers_there_only() throws Exception {
        UUID qa = organizationId("encore-qa");
        api.platform.switchModules(qa, Map.of("beta-probe", true));
        try {
            assertThat(api.get(otherDemo, "/api/v1/beta-probe/things").status()).isEqualTo(200);
            assertThat(api.get(otherDemo, "/api/v1/beta-probe/things/7").status()).isEqualTo(200);
            assertLooksUnknown(api.get(demo, "/api/v1/beta-probe/things"), "GET /api/v1/beta-probe/things");
        } finally {
            api.platform.switchModules(qa, Map.of("beta-probe", false));
        }
        assertLooksUnknown(api.get(otherDemo, "/api/v1/beta-probe/things"), "GET /api/v1/beta-probe/things");
    }

    @Test
    void switched_off_a_stable_module_answers_every_route_as_unknown_even_in_production() throws Exception {
        UUID encore = organizationId("encore");
        api.platform.switchModules(encore, Map.of("steady-probe", false));
        try {
            assertLooksUnknown(api.get(production, "/api/v1/steady-probe/things"), "GET /api/v1/steady-probe/things");
            assertLooksUnknown(api.get(production, "/api/v1/steady-probe/things/42"), "GET /api/v1/steady-probe/things/42");
            assertLooksUnknown(api.get(production, "/api/v1/steady-probe"), "GET /api/v1/steady-probe");
            assertThat(api.get(demo, "/api/v1/steady-probe/things").status()).as("another organization's switch").isEqualTo(200);
        } finally {
            api.platform.switchModules(encore, Map.of("steady-probe", true));
        }
        assertThat(api.get(production, "/api/v1/steady-probe/things").status()).isEqualTo(200);
    }

    @Test
    void without_a_token_a_switched_off_module_still_asks_for_sign_in() throws Exception {
        assertThat(api.get(null, "/api/v1/beta-probe/things").reason(401)).isEqualTo("unauthenticated");
    }

    @Test
    void dispatch_the_newest_module_is_the_one_in_beta() {
        PlatformApi served = new PlatformApi(api.tenant.dataSource, java.time.Clock.systemUTC(), TestUploads.store());
        assertThat(served.modules()).allSatisfy(module ->
                assertThat(module.unstable()).as(module.name()).isEqualTo(module.name().equals("dispatch")));
    }

    /** The answer is, body and status, what a route nobody declared gets. */
    private void assertLooksUnknown(ApiFixture.Response response, String request) throws Exception {
        assertThat(response.reason(404)).isEqualTo("unknown_route");
        ApiFixture.Response nobodysRoute = api.get(demo, "/api/v1/no-such-module/things");
        assertThat(response.body().toString())
                .isEqualTo(nobodysRoute.body().toString().replace("GET /api/v1/no-such-module/things", request));
        assertThat(response.headers().firstValue("Content-Type")).isEqualTo(nobodysRoute.headers().firstValue("Content-Type"));
    }

    private UUID organizationId(String slug) {
        return UUID.fromString(api.tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", slug).get(0));
    }
}
