package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.platform.uploads.UploadPurge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A person's upload on a seeded event is not a seeded row: teardown names it and refuses, a reset deletes its row and
 * leaves its file, and the purge then deletes the file it left.
 */
class UploadResetTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 7, 7, 7};

    @Test
    void teardown_names_an_upload_reset_deletes_its_row_and_the_purge_the_file_left_behind() throws Exception {
        String organization = "gallery-demo";
        try (ApiFixture api = ApiFixture.start(organization, "Gallery Events (demo)")) {
            api.apply("event-agency-starter", organization);
            String event = api.tenant.strings("SELECT id::text FROM events.events ORDER BY starts_at, id").get(0);
            ApiFixture.Response stored = api.upload(AgencyApi.signIn(api, organization, "planner"),
                    "/api/v1/events/events/" + event + "/images", "image/png", PNG);
            assertThat(stored.status()).as(stored.body().toString()).isEqualTo(201);
            String id = stored.body().get("id").asText();
            Path file = api.uploads.databaseFolder(api.tenant.dataSource).resolve(api.tenant.organizationId()).resolve(id);
            assertThat(file).exists();

            assertThatThrownBy(() -> api.tenant.seedReset.teardown(TeardownRequest.of(organization).confirm(organization)))
                    .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(SeedResetException.Reason.ROWS_CHANGED))
                    .hasMessageContaining("uploads.files row " + id);

            api.tenant.seedReset.reset(ResetRequest.of(organization).confirm(organization).anchor(ApiFixture.ANCHOR));
            assertThat(api.tenant.queryForLong("SELECT count(*) FROM uploads.files")).isZero();
            assertThat(file).as("a reset deletes rows, not files").exists();

            UploadPurge.Result purged = new UploadPurge(api.tenant.dataSource, api.uploads,
                    Clock.fixed(ApiFixture.ANCHOR.plus(Duration.ofHours(2)), ZoneOffset.UTC)).purge(UploadPurge.DEFAULT_AGE);
            assertThat(purged.orphans()).isEqualTo(1);
            assertThat(Files.exists(file)).isFalse();
        }
    }
}
