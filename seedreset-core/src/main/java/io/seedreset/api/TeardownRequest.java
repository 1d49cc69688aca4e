package io.seedreset.api;

import java.util.Objects;
import java.util.UUID;

/** Teardown of one application, or of all of an organization's applications when {@code application} is null. */
public record TeardownRequest(String organization, String confirmation, UUID application) {

    public TeardownRequest {
        Objects.requireNonNull(organization, "organization");
    }

    public static TeardownRequest of(String organization) {
        return new TeardownRequest(organization, null, null);
    }

    public TeardownRequest confirm(String slug) {
        return new TeardownRequest(organization, slug, application);
    }

    public TeardownRequest application(UUID id) {
        return new TeardownRequest(organization, confirmation, id);
    }
}
