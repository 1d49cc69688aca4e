package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.seedreset.api.OrganizationKind;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Usage telemetry over HTTP: a demo organization's requests are counted per day, module, declared route
 * and persona once flushed; a production organization's are not, nor requests no route matched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageTelemetryTest {

    private ApiFixture api;

    @BeforeAll
    void aDemoAndAProductionOrganization() {
        ApiModule probe = new ApiModule() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public void routes(Javalin app) {
                app.get(prefix() + "/things/{id}", ctx -> ctx.json(Map.of("id", ctx.pathParam("id"))));
            }
        };
        api = ApiFixture.start("encore-demo", "Encore (demo)", platform -> platform.plus(probe))
                .organization("encore", "Encore", OrganizationKind.PRODUCTION);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void a_demo_organizations_requests_are_counted_by_route_template_and_persona_and_production_ones_are_not() throws Exception {
        String maya = api.signInNewPerson("encore-demo", "maya@encore-demo.example");
        String sam = api.signInNewPerson("encore-demo", "sam@encore-demo.example");
        String owner = api.signInNewPerson("encore", "owner@encore.example");
        for (String id : new String[] {"1", "2", "3"}) {
            assertThat(api.get(maya, "/api/v1/probe/things/" + id).status()).isEqualTo(200);
        }
        api.get(sam, "/api/v1/probe/things/9");
        api.get(sam, "/api/v1/auth/me");
        api.get(sam, "/api/v1/probe/nothing-here");
        api.get(owner, "/api/v1/probe/things/1");
        api.get(owner, "/api/v1/auth/me");

        api.platform.flushUsage();

        assertThat(api.tenant.strings("""
                SELECT o.slug || ' ' || u.day || ' ' || u.module || ' ' || u.route || ' ' || u.persona || ' ' || u.count
                  FROM operations.usage u JOIN platform.organizations o ON o.id = u.organization_id
                 ORDER BY u.module, u.route, u.persona""")).containsExactly(
                "encore-demo 2026-11-21 auth /api/v1/auth/me sam@encore-demo.example 1",
                "encore-demo 2026-11-21 probe /api/v1/probe/things/{id} maya@encore-demo.example 3",
                "encore-demo 2026-11-21 probe /api/v1/probe/things/{id} sam@encore-demo.example 1");
        assertThat(api.platform.flushUsage()).as("nothing counted twice").isZero();
    }

    @Test
    void what_is_counted_when_the_server_stops_is_written() throws Exception {
        ApiFixture stopping = ApiFixture.start("stopping-demo", "Stopping (demo)");
        try {
            stopping.get(stopping.signInNewPerson("stopping-demo", "maya@stopping-demo.example"), "/api/v1/auth/me");
        } finally {
            stopping.close();
        }
        assertThat(stopping.tenant.strings("SELECT route || ' ' || count FROM operations.usage")).containsExactly("/api/v1/auth/me 1");
    }
}
