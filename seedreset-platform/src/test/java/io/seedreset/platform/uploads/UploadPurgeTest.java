package io.seedreset.platform.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.OrganizationKind;
import io.seedreset.platform.identity.Person;
import io.seedreset.testing.TestTenant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The purge deletes demo organizations' uploads older than its age, rows and files, and the files their folders hold
 * without a row; it never deletes a production organization's (nor a qa one's), nor a recent upload, nor a file in
 * flight, nor a file not named as an upload; two purges at once delete each thing once.
 */
class UploadPurgeTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant PURGE_AT = T0.plus(Duration.ofHours(49));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4};

    private TestTenant tenant;
    private UploadStore store;

    @BeforeEach
    void organizations() throws Exception {
        tenant = TestTenant.builder().organization("acme-demo", "Acme (demo)").clock(T0).build();
        tenant.seedReset.createOrganization("beta-demo", "Beta (demo)", OrganizationKind.DEMO);
        tenant.seedReset.createOrganization("acme", "Acme", OrganizationKind.PRODUCTION);
        tenant.seedReset.createOrganization("acme-qa", "Acme (qa)", OrganizationKind.QA);
        store = new UploadStore(Files.createTempDirectory("seedreset-uploads"));
    }

    @AfterEach
    void removeFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(store.root())) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void only_demo_organizations_old_uploads_go_rows_and_files_production_qa_and_recent_ones_stay() throws Exception {
        UUID oldDemo = upload("acme-demo", T0);
        UUID recentDemo = upload("acme-demo", T0.plus(Duration.ofHours(2)));
        UUID oldOtherDemo = upload("beta-demo", T0);
        UUID oldProduction = upload("acme", T0);
        UUID oldQa = upload("acme-qa", T0);

        UploadPurge.Result result = purge().purge(UploadPurge.DEFAULT_AGE);

        assertThat(result).isEqualTo(new UploadPurge.Result(PURGE_AT.minus(UploadPurge.DEFAULT_AGE), 2, 2, 2, 0));
        assertThat(uploads()).containsExactlyInAnyOrder(recentDemo, oldProduction, oldQa);
        assertThat(file("acme-demo", oldDemo)).doesNotExist();
        assertThat(file("beta-demo", oldOtherDemo)).doesNotExist();
        assertThat(file("acme-demo", recentDemo)).exists();
        assertThat(file("acme", oldProduction)).exists();
        assertThat(file("acme-qa", oldQa)).exists();

        assertThat(purge().purge(UploadPurge.DEFAULT_AGE)).as("again: nothing left to purge")
                .isEqualTo(new UploadPurge.Result(PURGE_AT.minus(UploadPurge.DEFAULT_AGE), 2, 0, 0, 0));
    }

    @Test
    void files_left_without_a_row_go_from_demo_folders_once_past_in_flight_and_never_from_production() throws Exception {
        UUID recentDemo = upload("acme-demo", T0.plus(Duration.ofHours(40)));
        UUID recentProduction = upload("acme", T0.plus(Duration.ofHours(40)));
        // A reset deletes every row of the organization, uploads.files' included, and leaves the files.
        tenant.execute("DELETE FROM uploads.files");
        Instant longAgo = PURGE_AT.minus(Duration.ofHours(2));
        Path leftPart = write("acme-demo", UUID.randomUUID() + UploadStore.PART, longAgo);
        Path inFlight = write("acme-demo", UUID.randomUUID().toString(), PURGE_AT.minus(Duration.ofMinutes(5)));
        Path notOurs = write("acme-demo", "notes.txt", longAgo);
        Path productionOrphan = write("acme", UUID.randomUUID().toString(), longAgo);

        UploadPurge.Result result = purge().purge(UploadPurge.DEFAULT_AGE);

        assertThat(result.rows()).isZero();
        assertThat(result.orphans()).isEqualTo(2);
        assertThat(file("acme-demo", recentDemo)).doesNotExist();
        assertThat(leftPart).doesNotExist();
        assertThat(inFlight).as("an upload whose row may not have committed yet").exists();
        assertThat(notOurs).as("not named as an upload: not ours to delete").exists();
        assertThat(file("acme", recentProduction)).as("production's folder is never opened").exists();
        assertThat(productionOrphan).exists();
    }

    @Test
    void two_purges_at_once_delete_each_row_and_file_once_and_together_everything_old() throws Exception {
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            old.add(upload(i % 2 == 0 ? "acme-demo" : "beta-demo", T0));
        }
        UUID production = upload("acme", T0);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<UploadPurge.Result> purging = () -> {
            start.await();
            return purge().purge(UploadPurge.DEFAULT_AGE);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<UploadPurge.Result> first = threads.submit(purging);
            Future<UploadPurge.Result> second = threads.submit(purging);
            UploadPurge.Result a = first.get();
            UploadPurge.Result b = second.get();

            assertThat(a.rows() + b.rows()).isEqualTo(20);
            assertThat(a.files() + a.orphans() + b.files() + b.orphans()).as("each file deleted by one of them").isEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
        assertThat(uploads()).containsExactly(production);
        assertThat(old).allSatisfy(id -> assertThat(Stream.of("acme-demo", "beta-demo").map(slug -> file(slug, id))).allSatisfy(
                path -> assertThat(path).doesNotExist()));
        assertThat(file("acme", production)).exists();
    }

    @Test
    void another_databases_files_in_the_same_directory_are_never_touched() throws Exception {
        // Organization ids derive from the slug: another database's production organization "acme-demo" has this one's id.
        TestTenant other = TestTenant.builder().organization("acme-demo", "Acme").kind(OrganizationKind.PRODUCTION).clock(T0).build();
        UUID theirs = upload(other, "acme-demo", T0);
        UUID ours = upload(tenant, "acme-demo", T0);
        assertThat(organizationId(other, "acme-demo")).isEqualTo(organizationId(tenant, "acme-demo"));

        assertThat(purge().purge(UploadPurge.DEFAULT_AGE)).isEqualTo(new UploadPurge.Result(PURGE_AT.minus(UploadPurge.DEFAULT_AGE), 2, 1, 1, 0));
        assertThat(file(tenant, "acme-demo", ours)).doesNotExist();
        assertThat(file(other, "acme-demo", theirs)).exists();
    }

    @Test
    void a_demo_organization_that_became_production_is_left_alone() throws Exception {
        UUID id = upload("beta-demo", T0);
        tenant.execute("UPDATE platform.organizations SET kind = 'production', is_production = true WHERE slug = 'beta-demo'");

        assertThat(purge().purge(UploadPurge.DEFAULT_AGE).rows()).isZero();
        assertThat(uploads()).containsExactly(id);
        assertThat(file("beta-demo", id)).exists();
    }

    private UploadPurge purge() {
        return new UploadPurge(tenant.dataSource, store, Clock.fixed(PURGE_AT, ZoneOffset.UTC));
    }

    /** An event image uploaded to an event of the organization at {@code at}, as the API stores it. */
    private UUID upload(String slug, Instant at) throws Exception {
        return upload(tenant, slug, at);
    }

    private UUID upload(TestTenant tenant, String slug, Instant at) throws Exception {
        UUID organizationId = organizationId(tenant, slug);
        UUID event = UUID.randomUUID();
        tenant.execute("""
                INSERT INTO events.events (org_id, id, name, event_type, client_name, status, starts_at, ends_at, city, state,
                                           expected_attendees, created_at)
                VALUES (?, ?, 'Gala', 'gala', 'Northwind', 'planning', '2026-12-01T18:00Z', '2026-12-01T23:00Z', 'Austin', 'TX', 50, now())""",
                organizationId, event);
        Person planner = new Person(organizationId, slug, !slug.equals("acme"), "identity.users", UUID.randomUUID(), "planner@" + slug + ".example",
                "Planner", "planner", null, true);
        Uploads uploads = new Uploads(tenant.dataSource, store, Clock.fixed(at, ZoneOffset.UTC));
        return uploads.store(planner, Attachment.EVENT_IMAGE, event, "image/png", "gala.png", PNG.length, new ByteArrayInputStream(PNG)).id();
    }

    private Path write(String slug, String name, Instant modified) throws Exception {
        Path folder = UploadStore.directory(store.databaseFolder(tenant.dataSource), organizationId(slug));
        Files.createDirectories(folder);
        Path file = Files.writeString(folder.resolve(name), "left behind", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private Path file(String slug, UUID id) {
        return file(tenant, slug, id);
    }

    private Path file(TestTenant tenant, String slug, UUID id) {
        try {
            return UploadStore.file(store.databaseFolder(tenant.dataSource), organizationId(tenant, slug), id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID organizationId(String slug) {
        return organizationId(tenant, slug);
    }

    private static UUID organizationId(TestTenant tenant, String slug) {
        return UUID.fromString(tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", slug).get(0));
    }

    private List<UUID> uploads() {
        return tenant.strings("SELECT id::text FROM uploads.files").stream().map(UUID::fromString).toList();
    }
}
