package io.seedreset.packs.travel;

import io.seedreset.pack.Invariant;
import java.util.List;

/** The accounting module's validation rules (to come). */
final class ValidationRules {

    static final List<Invariant> ALL = List.of();

    private ValidationRules() {
    }
}
