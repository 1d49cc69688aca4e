package io.seedreset.server;

import io.seedreset.platform.uploads.UploadStore;
import java.nio.file.Path;
import java.util.UUID;

/** An uploads directory of a test's own under {@code target/}, made by its first upload (a test that uploads nothing leaves nothing). */
public final class TestUploads {

    private TestUploads() {
    }

    public static UploadStore store() {
        return new UploadStore(Path.of("target", "test-uploads", UUID.randomUUID().toString()));
    }
}
