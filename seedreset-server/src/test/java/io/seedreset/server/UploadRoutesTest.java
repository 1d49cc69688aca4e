package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.OrganizationKind;
import io.seedreset.platform.uploads.Uploads;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Uploads over real HTTP on a real database: an event's images (module events) and a bill's receipts (module
 * accounting) go up as the raw body, come back listed and byte for byte, and every refusal answers one line and
 * leaves neither a row nor a file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadRoutesTest {

    private static final String DEMO = "acme-demo";
    private static final String OTHER = "other-demo";
    private static final String PRODUCTION = "acme";

    private ApiFixture api;
    private String owner;
    private String planner;
    private String accountant;
    private String eventId;
    private String billId;
    private String otherBillId;

    @BeforeAll
    void organizations() throws Exception {
        api = ApiFixture.start(DEMO, "Acme Events (demo)")
                .organization(OTHER, "Other (demo)", OrganizationKind.DEMO)
                .organization(PRODUCTION, "Acme Events", OrganizationKind.PRODUCTION);
        owner = AgencyApi.signIn(api, DEMO, "owner");
        planner = AgencyApi.signIn(api, DEMO, "planner");
        accountant = AgencyApi.signIn(api, DEMO, "accountant");
        eventId = event(DEMO);
        billId = bill(DEMO);
        otherBillId = bill(OTHER);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void an_event_image_goes_up_is_listed_and_comes_back_byte_for_byte() throws Exception {
        // Larger than the 64 KiB JSON bodies are held to: uploads have their own limit.
        byte[] png = file(PNG, 200_000);
        ApiFixture.Response stored = api.upload(planner, images(eventId) + "?filename=floor%20plan.png", "image/png", png);

        assertThat(stored.status()).as(stored.body().toString()).isEqualTo(201);
        String id = stored.body().get("id").asText();
        assertThat(stored.body().get("filename").asText()).isEqualTo("floor plan.png");
        assertThat(stored.body().get("contentType").asText()).isEqualTo("image/png");
        assertThat(stored.body().get("sizeBytes").asLong()).isEqualTo(png.length);
        assertThat(stored.body().get("sha256").asText()).isEqualTo(sha256(png));
        assertThat(stored.body().get("uploadedBy").asText()).isEqualTo("planner@acme-demo.example.org");
        assertThat(stored.body().get("createdAt").asText()).isEqualTo(ApiFixture.ANCHOR.toString());
        assertThat(api.tenant.strings("SELECT event_id::text || ' ' || (bill_id IS NULL) FROM uploads.files WHERE id = ?::uuid", id))
                .containsExactly(eventId + " true");
        assertThat(Files.readAllBytes(api.uploads.databaseFolder(api.tenant.dataSource).resolve(organizationId(DEMO)).resolve(id))).isEqualTo(png);

        ApiFixture.Response listed = api.get(owner, images(eventId));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.items()).extracting(item -> item.get("id").asText()).contains(id);
        assertThat(listed.body().at("/paging/total").asLong()).isEqualTo(listed.items().size());

        HttpResponse<byte[]> downloaded = api.download(owner, images(eventId) + "/" + id);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(png);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(downloaded.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(downloaded.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"floor plan.png\"; filename*=UTF-8''floor%20plan.png");
        assertThat(downloaded.headers().firstValue("X-Demo-Tenant")).hasValue("true");
    }

    @Test
    void a_bill_receipt_goes_up_is_listed_and_comes_back_for_the_books_people() throws Exception {
        byte[] pdf = file(PDF, 3_000);
        ApiFixture.Response stored = api.upload(accountant, receipts(billId), "application/pdf; charset=binary", pdf);
        assertThat(stored.status()).as(stored.body().toString()).isEqualTo(201);
        String id = stored.body().get("id").asText();
        assertThat(stored.body().get("filename").asText()).isEqualTo("receipt");
        assertThat(stored.body().get("contentType").asText()).isEqualTo("application/pdf");

        assertThat(api.get(owner, receipts(billId)).items()).extracting(item -> item.get("id").asText()).containsExactly(id);
        HttpResponse<byte[]> downloaded = api.download(owner, receipts(billId) + "/" + id);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(pdf);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");

        // The receipt is the bill's: asked for under the event's images, it is not there.
        assertThat(api.get(owner, images(eventId) + "/" + id).reason(404)).isEqualTo("not_found");
    }

    @Test
    void a_production_organizations_people_upload_too_it_is_their_real_platform() throws Exception {
        String productionOwner = AgencyApi.signIn(api, PRODUCTION, "owner");
        String productionBill = bill(PRODUCTION);
        ApiFixture.Response stored = api.upload(productionOwner, receipts(productionBill), "image/jpeg", file(JPEG, 5_000));
        assertThat(stored.status()).as(stored.body().toString()).isEqualTo(201);
        assertThat(stored.headers().firstValue("X-Demo-Tenant")).isEmpty();
        assertThat(api.get(productionOwner, receipts(productionBill)).items()).hasSize(1);
    }

    @Test
    void refused_uploads_answer_one_line_and_leave_no_row_and_no_file() throws Exception {
        long rows = api.tenant.queryForLong("SELECT count(*) FROM uploads.files");
        List<Path> files = files();
        String unknown = UUID.randomUUID().toString();

        assertRefused(api.upload(accountant, receipts(billId), "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported_media_type", "Content-Type 'text/html': bill uploads take application/pdf, image/jpeg, image/png, image/webp");
        assertRefused(api.upload(accountant, receipts(billId), null, file(PDF, 100)), 415, "unsupported_media_type",
                "no Content-Type: bill uploads take application/pdf, image/jpeg, image/png, image/webp");
        assertRefused(api.upload(planner, images(eventId), "image/png", "<html>not a picture</html>".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported_media_type", "the body is not image/png: its first bytes are not of that type");
        assertRefused(api.upload(planner, images(eventId), "application/pdf", file(PDF, 100)), 415, "unsupported_media_type",
                "Content-Type 'application/pdf': event uploads take image/jpeg, image/png, image/webp, image/gif");
        assertRefused(api.upload(planner, images(eventId), "image/png", file(PNG, (int) Uploads.MAX_BYTES + 1)), 413, "upload_too_large",
                "the file is " + (Uploads.MAX_BYTES + 1) + " bytes: an upload is at most 5242880 bytes (5 MiB)");
        assertRefused(api.upload(accountant, receipts(unknown), "application/pdf", file(PDF, 100)), 404, "not_found", "no bill " + unknown);
        assertRefused(api.upload(accountant, receipts(otherBillId), "application/pdf", file(PDF, 100)), 404, "not_found",
                "no bill " + otherBillId);
        assertRefused(api.upload(accountant, receipts(billId), "application/pdf", new byte[0]), 400, "invalid_request",
                "the body is empty: send the file's bytes");
        assertRefused(api.upload(accountant, receipts(billId) + "?filename=..%2Fpasswd", "application/pdf", file(PDF, 100)), 400,
                "invalid_request", "filename: 1 to 255 characters, no control characters and no / or \\");
        assertRefused(api.upload(planner, receipts(billId), "application/pdf", file(PDF, 100)), 403, "forbidden",
                "accounting is for the organization's owner and accountants; planner@acme-demo.example.org is a planner");
        assertRefused(api.upload(accountant, images(eventId), "image/png", file(PNG, 100)), 403, "forbidden",
                "an event's images are uploaded by the agency's owner and planners; accountant@acme-demo.example.org is accountant");

        assertThat(api.tenant.queryForLong("SELECT count(*) FROM uploads.files")).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
    }

    @Test
    void another_organizations_upload_is_not_found_and_not_listed() throws Exception {
        String otherAccountant = AgencyApi.signIn(api, OTHER, "accountant");
        ApiFixture.Response theirs = api.upload(otherAccountant, receipts(otherBillId), "image/png", file(PNG, 1_000));
        assertThat(theirs.status()).isEqualTo(201);
        String id = theirs.body().get("id").asText();

        assertThat(api.get(accountant, receipts(otherBillId)).reason(404)).isEqualTo("not_found");
        assertThat(api.get(accountant, receipts(otherBillId) + "/" + id).reason(404)).isEqualTo("not_found");
        assertThat(api.get(accountant, receipts(billId) + "/" + id).reason(404)).isEqualTo("not_found");
    }

    private static void assertRefused(ApiFixture.Response response, int status, String reason, String message) {
        assertThat(response.reason(status)).isEqualTo(reason);
        assertThat(response.body().at("/error/message").asText()).isEqualTo(message).doesNotContain("\n");
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    /** A file of {@code size} bytes that starts as its type does. */
    private static byte[] file(byte[] signature, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(signature, 0, bytes, 0, Math.min(signature.length, size));
        return bytes;
    }

    private static String images(String eventId) {
        return "/api/v1/events/events/" + eventId + "/images";
    }

    private static String receipts(String billId) {
        return "/api/v1/accounting/bills/" + billId + "/receipts";
    }

    private String organizationId(String slug) {
        return api.tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", slug).get(0);
    }

    private List<Path> files() throws Exception {
        if (!Files.isDirectory(api.uploads.root())) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(api.uploads.root())) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** An event of the organization, written as its own people would have. */
    private String event(String organization) {
        String id = UUID.randomUUID().toString();
        api.tenant.execute("""
                INSERT INTO events.events (org_id, id, name, event_type, client_name, status, starts_at, ends_at, city, state,
                                           expected_attendees, created_at)
                SELECT id, ?::uuid, 'Spring gala', 'gala', 'Northwind', 'planning', '2026-12-01T18:00Z', '2026-12-01T23:00Z',
                       'Austin', 'TX', 200, now() FROM platform.organizations WHERE slug = ?""", id, organization);
        return id;
    }

    /** A draft bill of a supplier of the organization. */
    private String bill(String organization) {
        String vendor = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        api.tenant.execute("""
                INSERT INTO suppliers.vendors (org_id, id, name, category, contact_name, email, phone, city, state, created_at)
                SELECT id, ?::uuid, 'Bloom Florals', 'florals', 'Ann Lee', 'ann@bloom.example', '555-0100', 'Austin', 'TX', now()
                  FROM platform.organizations WHERE slug = ?""", vendor, organization);
        api.tenant.execute("""
                INSERT INTO accounting.bills (org_id, id, bill_number, vendor_id, issue_date, due_date, status, currency, subtotal, tax,
                                              total, balance, created_at)
                SELECT id, ?::uuid, 'B-' || left(?, 8), ?::uuid, '2026-11-01', '2026-12-01', 'DRAFT', 'USD', 100, 0, 100, 100, now()
                  FROM platform.organizations WHERE slug = ?""", id, id, vendor, organization);
        return id;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
