package io.seedreset.packs.eventagency;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The company names taken so far in one organization, with their web domains: two companies
 * with one name, or with one domain ("Summit Ridge Capital" and "Summit Ridge Capital Partners"),
 * would read as the same firm twice to anyone browsing the demo.
 */
final class CompanyNames {

    /** Far more than a roster ever needs: the patterns give thousands of names. */
    private static final int MAX_DRAWS = 1_000;

    private final Set<String> names = new HashSet<>();
    private final Set<String> domains = new HashSet<>();

    /** Takes the name if neither it nor its domain is taken yet. */
    boolean claim(String name) {
        String domain = Contacts.domain(name);
        if (names.contains(name) || domains.contains(domain)) {
            return false;
        }
        names.add(name);
        domains.add(domain);
        return true;
    }

    /** The first free name among the candidates, drawn one after another. */
    String claimFirstFree(Supplier<String> candidates) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            String name = candidates.get();
            if (claim(name)) {
                return name;
            }
        }
        throw new IllegalStateException("no free company name in " + MAX_DRAWS + " draws (" + names.size() + " taken)");
    }
}
