package io.seedreset.server.admin;

import static io.seedreset.server.admin.AdminFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.testing.BoundaryInvariant;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Snapshots over the admin API, on real HTTP and a real database: take one of a seeded demo, download its file,
 * restore that file into another demo organization (the same state, row for row), restore a stored one, the dry
 * runs that write nothing, the baseline a reset returns to; bad input answers a one-line error and writes nothing;
 * on a production organization every one of them is refused (403), audited, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSnapshotsTest {

    private static final String PRODUCTION = "encore";
    private static final String DEMO = "encore-demo";
    private static final String COPY = "copy-demo";
    private static final String ZIP = "application/zip";

    private AdminFixture admin;
    private String staff;

    @BeforeAll
    void seed() {
        admin = AdminFixture.start(PRODUCTION, "Encore Ticketing", OrganizationKind.PRODUCTION)
                .organization(DEMO, "Encore Ticketing (demo)", OrganizationKind.DEMO)
                .organization(COPY, "Copy (demo)", OrganizationKind.DEMO);
        admin.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", DEMO).mode("minimal").seed(1L).anchor(AdminFixture.ANCHOR))
                .confirm(DEMO));
        // The copy holds other rows first, which the restore must replace.
        admin.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", COPY).mode("minimal").seed(7L).anchor(AdminFixture.ANCHOR))
                .confirm(COPY));
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

    @Test
    void a_snapshot_taken_downloaded_and_restored_from_its_file_into_another_demo_makes_it_the_same_state() throws Exception {
        String demo = ADMIN + "/organizations/" + DEMO;
        String copy = ADMIN + "/organizations/" + COPY;
        JsonNode taken = admin.post(staff, demo + "/snapshots", Map.of("name", "before-call")).ok(201);
        assertThat(taken.get("name").asText()).isEqualTo("before-call");
        assertThat(taken.get("kind").asText()).isEqualTo("manual");
        assertThat(taken.get("takenBy").asText()).isEqualTo("staff:Grace");
        Map<String, Long> counts = counts(taken.get("counts"));
        assertThat(counts).containsKey("ticketing.events");
        assertThat(admin.get(staff, demo + "/snapshots").ok(200)).extracting(node -> node.get("name").asText()).contains("before-call");

        HttpResponse<byte[]> file = admin.download(staff, demo + "/snapshots/before-call/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(ZIP));
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"encore-demo-before-call.zip\"");
        assertThat(Arrays.copyOf(file.body(), 2)).as("a zip").isEqualTo(new byte[] {'P', 'K'});
        assertThat(state(COPY, counts)).isNotEqualTo(state(DEMO, counts));

        Map<String, Long> untouched = admin.footprint(COPY);
        JsonNode preview = admin.postBytes(staff, copy + "/restore/dry-run?filename=before-call.zip", file.body(), ZIP).ok(200);
        assertThat(preview.get("operation").asText()).isEqualTo("restore");
        assertThat(counts(preview.get("written"))).isEqualTo(counts);
        assertThat(counts(preview.get("deleted"))).isNotEmpty();
        assertThat(admin.footprint(COPY)).as("a dry run writes nothing").isEqualTo(untouched);

        JsonNode restored = admin.postBytes(staff, copy + "/restore?confirm=" + COPY + "&filename=before-call.zip", file.body(),
                "application/octet-stream").ok(200);
        assertThat(restored.get("source").asText()).isEqualTo("before-call.zip");
        assertThat(counts(restored.get("restored"))).isEqualTo(counts);
        assertThat(state(COPY, counts)).as("row for row the demo's state").isEqualTo(state(DEMO, counts));
        assertThat(admin.audit(COPY)).last().asString().startsWith("staff:Grace restore succeeded: restored 'before-call.zip'");
    }

    @Test
    void a_stored_snapshot_restores_by_name_and_the_dry_runs_of_teardown_and_reset_write_nothing() throws Exception {
        String demo = ADMIN + "/organizations/" + DEMO;
        admin.post(staff, demo + "/snapshots", Map.of("name", "by-name")).ok(201);
        admin.tenant.execute("UPDATE ticketing.events SET name = 'Changed by a prospect' WHERE org_id = (SELECT id FROM platform.organizations"
                + " WHERE slug = ?)", DEMO);
        Map<String, Long> before = admin.footprint(DEMO);

        JsonNode teardown = admin.post(staff, demo + "/teardown/dry-run", null).ok(200);
        JsonNode reset = admin.post(staff, demo + "/reset/dry-run", Map.of("anchor", "2026-11-21")).ok(200);
        JsonNode restore = admin.post(staff, demo + "/restore/dry-run", Map.of("name", "by-name")).ok(200);
        assertThat(teardown.get("operation").asText()).isEqualTo("teardown");
        assertThat(reset.get("operation").asText()).isEqualTo("reset");
        assertThat(counts(reset.get("written"))).containsKey("ticketing.events");
        assertThat(counts(restore.get("written"))).containsKey("ticketing.events");
        assertThat(admin.footprint(DEMO)).isEqualTo(before);
        assertThat(admin.audit(DEMO)).last().asString().contains("restore unchanged: dry run:");

        JsonNode restored = admin.post(staff, demo + "/restore", Map.of("name", "by-name", "confirm", DEMO)).ok(200);
        assertThat(restored.get("restored").get("ticketing.events").asLong()).isPositive();
        assertThat(admin.tenant.strings("SELECT e.name FROM ticketing.events e JOIN platform.organizations o ON o.id = e.org_id WHERE o.slug = ?",
                DEMO)).hasSize((int) restored.get("restored").get("ticketing.events").asLong()).doesNotContain("Changed by a prospect");
    }

    @Test
    void bad_input_answers_one_line_naming_it_and_writes_nothing() throws Exception {
        String demo = ADMIN + "/organizations/" + DEMO;
        String copy = ADMIN + "/organizations/" + COPY;
        admin.post(staff, demo + "/snapshots", Map.of("name", "for-errors")).ok(201);
        byte[] file = admin.download(staff, demo + "/snapshots/for-errors/file").body();
        Map<String, Long> demoBefore = admin.footprint(DEMO);
        Map<String, Long> copyBefore = admin.footprint(COPY);

        AdminFixture.Response badName = admin.post(staff, demo + "/snapshots", Map.of("name", "Before Call"));
        assertThat(badName.reason(400)).isEqualTo("invalid_value");
        assertThat(badName.message()).contains("'Before Call'");
        assertThat(admin.post(staff, demo + "/snapshots", Map.of("name", "for-errors")).reason(409)).isEqualTo("already_exists");
        assertThat(admin.post(staff, demo + "/snapshots", Map.of()).reason(400)).isEqualTo("invalid_value");

        AdminFixture.Response unknown = admin.post(staff, copy + "/restore", Map.of("name", "no-such", "confirm", COPY));
        assertThat(unknown.reason(404)).isEqualTo("unknown_snapshot");
        assertThat(unknown.message()).contains("no-such");
        assertThat(admin.get(staff, demo + "/snapshots/no-such/file").reason(404)).isEqualTo("unknown_snapshot");
        assertThat(admin.post(staff, demo + "/snapshots/no-such/delete", Map.of("confirm", DEMO)).reason(404)).isEqualTo("unknown_snapshot");
        assertThat(admin.post(staff, demo + "/baseline", Map.of("snapshot", "no-such", "confirm", DEMO)).reason(404)).isEqualTo("unknown_snapshot");
        assertThat(admin.get(staff, ADMIN + "/organizations/nobody/snapshots").reason(404)).isEqualTo("unknown_organization");
        assertThat(admin.post(staff, copy + "/restore", Map.of("confirm", COPY)).reason(400)).isEqualTo("invalid_value");
        assertThat(admin.postBytes(staff, copy + "/restore?confirm=" + COPY, new byte[0], ZIP).reason(400)).isEqualTo("invalid_value");
        assertThat(admin.postBytes(staff, copy + "/restore", "{\"name\": \"no-such\", \"confirm\": \"copy-demo\"}".getBytes(),
                "application/x-www-form-urlencoded").reason(404)).as("JSON sent without its type is JSON").isEqualTo("unknown_snapshot");
        assertThat(admin.postBytes(staff, copy + "/restore?confirm=" + COPY + "&filename=../x.zip", file, ZIP).reason(400)).isEqualTo("invalid_value");

        // The typed confirmation: wrong 409, missing 428, for a file as for a stored snapshot.
        assertThat(admin.postBytes(staff, copy + "/restore?confirm=" + DEMO, file, ZIP).reason(409)).isEqualTo("confirmation_mismatch");
        assertThat(admin.postBytes(staff, copy + "/restore", file, ZIP).reason(428)).isEqualTo("confirmation_required");
        assertThat(admin.post(staff, copy + "/restore", Map.of("name", "for-errors", "of", DEMO, "confirm", "copy")).reason(409))
                .isEqualTo("confirmation_mismatch");
        assertThat(admin.post(staff, demo + "/snapshots/for-errors/delete", Map.of()).reason(428)).isEqualTo("confirmation_required");

        // A damaged file: one byte changed in the middle, cut short, or not a snapshot at all.
        byte[] altered = file.clone();
        altered[altered.length / 2] ^= 0x5a;
        // (The last is larger than the JSON bodies' 64 KiB: a snapshot file is not held to their limit.)
        for (byte[] damaged : List.of(altered, Arrays.copyOf(file, file.length / 2), "not a snapshot".getBytes(), new byte[200_000])) {
            AdminFixture.Response refused = admin.postBytes(staff, copy + "/restore?confirm=" + COPY, damaged, ZIP);
            assertThat(refused.reason(400)).isEqualTo("invalid_snapshot");
            assertThat(refused.message()).contains("nothing was restored");
            assertThat(admin.postBytes(staff, copy + "/restore/dry-run", damaged, ZIP).reason(400)).isEqualTo("invalid_snapshot");
        }
        assertThat(admin.footprint(DEMO)).isEqualTo(demoBefore);
        assertThat(admin.footprint(COPY)).isEqualTo(copyBefore);
    }

    @Test
    void the_baseline_is_a_snapshot_reset_returns_to_until_it_is_set_back_to_the_packs() throws Exception {
        String copy = ADMIN + "/organizations/" + COPY;
        assertThat(admin.get(staff, copy + "/baseline").ok(200).get("snapshot").isNull()).isTrue();
        admin.post(staff, copy + "/snapshots", Map.of("name", "golden")).ok(201);

        assertThat(admin.post(staff, copy + "/baseline", Map.of("snapshot", "golden", "confirm", "copy")).reason(409)).isEqualTo("confirmation_mismatch");
        JsonNode set = admin.post(staff, copy + "/baseline", Map.of("snapshot", "golden", "confirm", COPY)).ok(200);
        assertThat(set.at("/snapshot/name").asText()).isEqualTo("golden");
        assertThat(admin.get(staff, copy + "/baseline").ok(200).at("/snapshot/name").asText()).isEqualTo("golden");
        assertThat(admin.get(staff, copy + "/snapshots").ok(200)).filteredOn(node -> node.get("baseline").asBoolean())
                .extracting(node -> node.get("name").asText()).containsExactly("golden");
        assertThat(admin.post(staff, copy + "/snapshots/golden/delete", Map.of("confirm", COPY)).reason(409)).isEqualTo("snapshot_in_use");

        JsonNode reset = admin.post(staff, copy + "/reset", Map.of("confirm", COPY)).ok(200).get("result");
        assertThat(reset.get("restored")).extracting(node -> node.get("source").asText()).containsExactly("golden");
        assertThat(reset.get("backup").asText()).startsWith("backup-");

        java.util.HashMap<String, Object> packs = new java.util.HashMap<>();
        packs.put("snapshot", null);
        packs.put("confirm", COPY);
        assertThat(admin.post(staff, copy + "/baseline", packs).ok(200).get("snapshot").isNull()).isTrue();
        assertThat(admin.get(staff, copy + "/baseline").ok(200).get("snapshot").isNull()).isTrue();
    }

    @Test
    void on_a_production_organization_every_snapshot_route_that_writes_or_previews_is_refused_audited_and_writes_nothing() throws Exception {
        String production = ADMIN + "/organizations/" + PRODUCTION;
        admin.post(staff, ADMIN + "/organizations/" + DEMO + "/snapshots", Map.of("name", "for-production")).ok(201);
        byte[] file = admin.download(staff, ADMIN + "/organizations/" + DEMO + "/snapshots/for-production/file").body();
        Map<String, Long> before = admin.footprint(PRODUCTION);
        List<String> audit = new ArrayList<>(admin.audit(PRODUCTION));

        List<AdminFixture.Response> refused = new ArrayList<>();
        refused.add(admin.post(staff, production + "/snapshots", Map.of("name", "exfiltrate")));
        refused.add(admin.post(staff, production + "/restore", Map.of("name", "for-production", "of", DEMO, "confirm", PRODUCTION)));
        refused.add(admin.post(staff, production + "/restore/dry-run", Map.of("name", "for-production", "of", DEMO)));
        refused.add(admin.postBytes(staff, production + "/restore?confirm=" + PRODUCTION, file, ZIP));
        refused.add(admin.postBytes(staff, production + "/restore/dry-run", file, ZIP));
        refused.add(admin.post(staff, production + "/baseline", Map.of("snapshot", "for-production", "confirm", PRODUCTION)));
        refused.add(admin.post(staff, production + "/snapshots/anything/delete", Map.of("confirm", PRODUCTION)));
        refused.add(admin.post(staff, production + "/teardown/dry-run", null));
        refused.add(admin.post(staff, production + "/reset/dry-run", null));
        for (AdminFixture.Response response : refused) {
            assertThat(response.reason(403)).isEqualTo("production_organization");
            assertThat(response.message()).isEqualTo("organization 'encore' is a production organization: seed packs never run there");
        }

        assertThat(admin.footprint(PRODUCTION)).isEqualTo(before);
        List<String> added = admin.audit(PRODUCTION).subList(audit.size(), admin.audit(PRODUCTION).size());
        assertThat(added).hasSize(refused.size()).allSatisfy(entry -> assertThat(entry).startsWith("staff:Grace ").contains(" refused: "));
        assertThat(added).extracting(entry -> entry.split(" ")[1]).containsExactly("snapshot", "restore", "restore", "restore", "restore",
                "baseline", "snapshot-delete", "teardown", "reset");
        assertThat(admin.get(staff, production + "/snapshots").ok(200)).isEmpty();
        assertThat(admin.get(staff, production + "/snapshots/anything/file").reason(404)).isEqualTo("unknown_snapshot");
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> map = new TreeMap<>();
        counts.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asLong()));
        return map;
    }

    /** Per table, a digest of the organization's rows without their organization: equal digests, equal rows. */
    private Map<String, String> state(String organization, Map<String, Long> tables) {
        Map<String, String> state = new TreeMap<>();
        for (String table : tables.keySet()) {
            state.put(table, admin.tenant.strings("SELECT coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), '') FROM (SELECT (to_jsonb(t) - 'org_id')::text AS r"
                    + " FROM " + table + " t WHERE t.org_id = (SELECT id FROM platform.organizations WHERE slug = ?)) x", organization).get(0));
        }
        return state;
    }
}
