package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.OrganizationKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /api/v1/feedback: stored for the caller's organization and persona, refused whole when it is empty or too long. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackRoutesTest {

    private ApiFixture api;
    private String demo;
    private String production;

    @BeforeAll
    void twoOrganizations() throws Exception {
        api = ApiFixture.start("encore-demo", "Encore (demo)").organization("encore", "Encore", OrganizationKind.PRODUCTION);
        demo = api.signInNewPerson("encore-demo", "maya@encore-demo.example");
        production = api.signInNewPerson("encore", "owner@encore.example");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void feedback_is_stored_for_the_callers_organization_and_persona_pending_delivery() throws Exception {
        ApiFixture.Response sent = api.post(demo, "/api/v1/feedback", Map.of("message", "The seat map is lovely", "page", "/events/42"));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
        String id = sent.body().get("id").asText();
        assertThat(api.tenant.strings("""
                SELECT o.slug || ' ' || f.persona_email || ' ' || f.message || ' ' || f.page || ' ' || f.status || ' ' || f.attempts
                  FROM operations.feedback f JOIN platform.organizations o ON o.id = f.organization_id WHERE f.id = ?::uuid""", id))
                .containsExactly("encore-demo maya@encore-demo.example The seat map is lovely /events/42 pending 0");

        ApiFixture.Response withoutPage = api.post(production, "/api/v1/feedback", Map.of("message", "Works for us"));
        assertThat(withoutPage.status()).isEqualTo(201);
        assertThat(api.tenant.strings("""
                SELECT o.slug || ' ' || (f.page IS NULL) FROM operations.feedback f JOIN platform.organizations o ON o.id = f.organization_id
                 WHERE f.id = ?::uuid""", withoutPage.body().get("id").asText())).containsExactly("encore true");
    }

    @Test
    void an_empty_or_too_long_message_a_too_long_page_and_an_organization_in_the_body_are_refused_and_write_nothing() throws Exception {
        long before = api.tenant.queryForLong("SELECT count(*) FROM operations.feedback");
        Map<String, Object> withOrganization = new HashMap<>(Map.of("message", "hi", "organization", "encore"));

        assertThat(api.post(demo, "/api/v1/feedback", Map.of("message", "  ")).reason(400)).isEqualTo("invalid_value");
        assertThat(api.post(demo, "/api/v1/feedback", Map.of("page", "/x")).reason(400)).isEqualTo("invalid_value");
        ApiFixture.Response tooLong = api.post(demo, "/api/v1/feedback", Map.of("message", "x".repeat(4_001)));
        assertThat(tooLong.reason(400)).isEqualTo("invalid_value");
        assertThat(tooLong.body().at("/error/message").asText()).isEqualTo("the message has 4001 characters: at most 4000");
        assertThat(api.post(demo, "/api/v1/feedback", Map.of("message", "hi", "page", "/".repeat(2_001))).reason(400)).isEqualTo("invalid_value");
        assertThat(api.post(demo, "/api/v1/feedback", withOrganization).reason(400)).as("the organization comes from the token")
                .isEqualTo("malformed_request");
        assertThat(api.post(demo, "/api/v1/feedback", "{\"message\": ").reason(400)).isEqualTo("malformed_request");
        assertThat(api.post(null, "/api/v1/feedback", Map.of("message", "hi")).reason(401)).isEqualTo("unauthenticated");

        assertThat(api.tenant.queryForLong("SELECT count(*) FROM operations.feedback")).isEqualTo(before);
        assertThat(api.post(demo, "/api/v1/feedback", Map.of("message", "x".repeat(4_000))).status()).as("the limit itself").isEqualTo(201);
    }
}
