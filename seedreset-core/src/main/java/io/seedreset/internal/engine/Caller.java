package io.seedreset.internal.engine;

import io.seedreset.api.Progress;
import java.util.Objects;

/** Who asked for an operation and where its progress goes: per request, so concurrent callers are recorded and reported apart. */
public record Caller(String actor, Progress progress) {

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(progress, "progress");
    }
}
