package io.seedreset.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.OrganizationKind;
import io.seedreset.testing.BoundaryInvariant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/admin/v1/organizations/{slug}/imports}: the file is the body, as {@code seedreset import}
 * reads it. A good file loads and is the ledger's; a bad one answers 400 naming line and column and writes
 * nothing; a production organization answers 403, is audited as refused and keeps its rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminImportTest {

    private static final String DEMO = "prospect";
    private static final String PRODUCTION = "prospect-live";
    private static final String HEADER = "name,category,contact_name,email,phone,city,state,rating,created_at\n";
    private static final String VENDORS = HEADER + "\"Bloom & Co, Florals\",florals,Ana Silva,ana@bloom.example,555-0100,Austin,TX,4.5,2026-01-05\n"
            + "Sound Works,audio_visual,Lee Park,lee@sound.example,555-0101,Dallas,TX,,2026-01-06\n";

    private AdminFixture admin;
    private String staff;

    @BeforeAll
    void start() {
        admin = AdminFixture.start(DEMO, "Prospect (demo)", OrganizationKind.DEMO).organization(PRODUCTION, "Prospect", OrganizationKind.PRODUCTION);
        staff = admin.staffToken("Grace");
    }

    @AfterEach
    void boundaryHolds() {
        BoundaryInvariant.assertHolds(admin.tenant.dataSource);
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    private String imports(String slug, String query) {
        return AdminFixture.ADMIN + "/organizations/" + slug + "/imports?table=suppliers.vendors&" + query;
    }

    @Test
    void a_file_in_the_body_imports_into_the_ledger_and_a_dry_run_writes_nothing() throws Exception {
        Map<String, Long> before = admin.footprint(DEMO);
        JsonNode dryRun = admin.post(staff, imports(DEMO, "name=vendors.csv&dryRun=true"), VENDORS).ok(200);
        assertThat(dryRun.get("rows").asLong()).isEqualTo(2);
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(admin.footprint(DEMO)).isEqualTo(before);

        JsonNode result = admin.post(staff, imports(DEMO, "name=vendors.csv&confirm=" + DEMO), VENDORS).ok(200);

        assertThat(result.get("rows").asLong()).isEqualTo(2);
        assertThat(result.get("source").asText()).isEqualTo("vendors.csv");
        assertThat(admin.footprint(DEMO)).containsEntry("suppliers.vendors", 2L).containsEntry("platform.organizations.ledger_entries", 2L);
        assertThat(admin.tenant.strings("SELECT count(*)::text FROM platform.seed_rows WHERE application_id = ?::uuid",
                result.get("application").asText())).containsExactly("2");
        assertThat(admin.audit(DEMO)).last().asString().startsWith("staff:Grace import succeeded: imported 2 rows of vendors.csv");
    }

    @Test
    void a_bad_file_answers_400_naming_line_and_column_and_writes_nothing() throws Exception {
        Map<String, Long> before = admin.footprint(DEMO);

        AdminFixture.Response bad = admin.post(staff, imports(DEMO, "name=bad.csv&confirm=" + DEMO),
                HEADER + "Ok,florals,A,a@x.example,1,X,TX,,2026-01-05\nBad,florals,B,b@x.example,2,Y,TX,11,2026-01-05\n");
        AdminFixture.Response unnamed = admin.post(staff, imports(DEMO, "confirm=" + DEMO), VENDORS);

        JsonNode error = bad.ok(400).get("error");
        assertThat(error.get("reason").asText()).isEqualTo("invalid_import");
        assertThat(error.get("message").asText()).isEqualTo("bad.csv, line 3, column rating: numeric field overflow; nothing was imported");
        assertThat(error.get("details").get("line").asText()).isEqualTo("3");
        assertThat(unnamed.ok(400).get("error").get("message").asText())
                .isEqualTo("name the file: \"name\" is a plain file name ending in .csv or .json");
        assertThat(admin.footprint(DEMO)).isEqualTo(before);
    }

    @Test
    void a_production_organization_answers_403_is_audited_and_keeps_its_rows() throws Exception {
        Map<String, Long> before = admin.footprint(PRODUCTION);

        AdminFixture.Response refused = admin.post(staff, imports(PRODUCTION, "name=vendors.csv&confirm=" + PRODUCTION), VENDORS);
        AdminFixture.Response unconfirmed = admin.post(staff, imports(DEMO, "name=vendors.csv"), VENDORS);

        assertThat(refused.ok(403).get("error").get("message").asText()).startsWith("organization 'prospect-live' is a production organization");
        assertThat(unconfirmed.ok(428).get("error").get("reason").asText()).isEqualTo("confirmation_required");
        assertThat(admin.footprint(PRODUCTION)).isEqualTo(before);
        assertThat(admin.audit(PRODUCTION)).containsExactly("staff:Grace import refused: organization 'prospect-live' is a production"
                + " organization: seed packs never run there");
    }
}
