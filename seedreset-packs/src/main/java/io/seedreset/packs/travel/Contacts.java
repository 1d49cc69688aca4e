package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.packs.people.People;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Emails, web domains and phone numbers that look like the people and companies they belong to,
 * and company names that stay distinct within the organization.
 */
final class Contacts {

    /** Reserved for documentation (RFC 2606): a traveller's personal mail goes nowhere. */
    static final List<String> RESERVED_DOMAINS = List.of("example.com", "example.net", "example.org");
    /** Where the company's own staff get their mail: a reserved top-level domain, never delivered. */
    static final String STAFF_DOMAIN = "demotravelco.example";

    /** Words a web domain usually leaves out. */
    private static final Set<String> DOMAIN_NOISE = Set.of("and", "the", "of", "inc", "llc", "co", "s");

    private Contacts() {
    }

    /** first.last@domain, the convention most firms use. */
    static String email(String firstName, String lastName, String domain) {
        return People.mailbox(firstName, lastName) + "@" + domain;
    }

    /**
     * The web domain an organization would plausibly own: its significant words run together, at
     * most three ("Whitcombe & Arlen CPAs" becomes whitcombearlencpas.com), under the given top level.
     */
    static String domain(String name, String topLevel) {
        List<String> words = new ArrayList<>();
        for (String word : name.split("[\\s,&.'-]+")) {
            String clean = People.letters(word);
            if (!clean.isEmpty() && !DOMAIN_NOISE.contains(clean) && words.size() < 3) {
                words.add(clean);
            }
        }
        return String.join("", words) + "." + topLevel;
    }

    /** A number in the 555-0100..0199 block, which North American numbering keeps for fiction. */
    static String phone(String areaCode, Draw draw) {
        return String.format(Locale.ROOT, "(%s) 555-01%02d", areaCode, draw.between(0, 99));
    }

    /**
     * The names (and their web domains) taken so far: two customers called alike, or sharing a
     * domain, would read as one firm twice to anyone browsing the demo.
     */
    static final class Names {

        private static final int MAX_DRAWS = 1_000;

        private final Set<String> names = new HashSet<>();
        private final Set<String> domains = new HashSet<>();

        boolean claim(String name) {
            String domain = domain(name, "com");
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
            throw new IllegalStateException("no free name in " + MAX_DRAWS + " draws (" + names.size() + " taken)");
        }
    }
}
