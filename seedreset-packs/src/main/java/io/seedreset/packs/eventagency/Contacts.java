package io.seedreset.packs.eventagency;

import io.seedreset.pack.Draw;
import io.seedreset.packs.people.People;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Email addresses and phone numbers that look like the people and companies they belong to,
 * so a prospect clicking through a demo never sees "user123@example.com" next to a real-looking name.
 */
final class Contacts {

    /** Words a company's web domain usually leaves out. */
    private static final Set<String> DOMAIN_NOISE = Set.of("and", "the", "of", "inc", "llc", "llp", "co");

    private Contacts() {
    }

    /** first.last@domain, the convention most firms use. */
    static String email(String firstName, String lastName, String domain) {
        return People.mailbox(firstName, lastName) + "@" + domain;
    }

    /**
     * The web domain a company would plausibly own: its significant words run together
     * ("Whitaker & Lowe LLP" becomes whitakerlowe.com), at most three of them so it stays typeable.
     */
    static String domain(String company) {
        List<String> words = new ArrayList<>();
        for (String word : company.split("[\\s,&-]+")) {
            String clean = People.letters(word);
            if (!clean.isEmpty() && !DOMAIN_NOISE.contains(clean) && words.size() < 3) {
                words.add(clean);
            }
        }
        return String.join("", words) + ".com";
    }

    /**
     * A number in the 555-0100..0199 block, which North American numbering reserves for
     * fiction, so a demo never dials a real person; the area code keeps it local.
     */
    static String phone(String areaCode, Draw draw) {
        return String.format(Locale.ROOT, "(%s) 555-01%02d", areaCode, draw.between(0, 99));
    }
}
