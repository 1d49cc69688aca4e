package io.seedreset.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an organization is for. Only production organizations are production; seeds run on the rest. */
public enum OrganizationKind {
    PRODUCTION, DEMO, QA, SANDBOX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isProduction() {
        return this == PRODUCTION;
    }

    public static OrganizationKind parse(String text) {
        for (OrganizationKind kind : values()) {
            if (kind.label().equals(text)) {
                return kind;
            }
        }
        throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "unknown organization kind '" + text + "': use one of "
                + Arrays.stream(values()).map(OrganizationKind::label).collect(Collectors.joining(", ")));
    }
}
