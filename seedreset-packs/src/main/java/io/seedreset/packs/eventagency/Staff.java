package io.seedreset.packs.eventagency;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Persona;
import io.seedreset.packs.people.People;
import io.seedreset.packs.people.People.Person;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The agency's own people, who sign in to the platform (module {@code identity}): its owner, whose
 * surname the agency carries, and an event planner. Their names are drawn like every other person
 * of the pack, so they change with the seed; their emails are at the agency's web domain. Both
 * share one published demo password, stored only as its bcrypt hash.
 */
final class Staff {

    /** The demo password of the agency's logins; only its bcrypt hash is stored. */
    static final String DEMO_PASSWORD = "DemoAgency!2026";
    /** The work factor real platforms use today; the platform's sign-in verifies the hash unchanged. */
    static final int HASH_COST = 10;
    /** The hash's 16 bytes of salt, fixed so that the hash is a constant. */
    static final String HASH_SALT = "Seed&ResetAgency";
    /**
     * The bcrypt hash of {@link #DEMO_PASSWORD} at {@link #HASH_COST} with {@link #HASH_SALT}, computed once
     * when this was written ({@code StaffTest} computes it again). A hash made at apply time with a random
     * salt would change the rows, and the plan hash, on every apply; and hashing costs most of a small apply.
     */
    static final String DEMO_PASSWORD_HASH = "$2a$10$S0TjXAXQXVLjbCDlXU3hcOfOiq8ED4lJLu56qUPXvtfxqoTwin9ky";

    static final String OWNER = "owner";
    static final String PLANNER = "planner";

    /** Names an agency founded by {last} goes by. */
    private static final List<String> AGENCY_NAMES = List.of("{last} Events", "{last} Event Group", "{last} Event Co.");

    /** One login: who, the role they sign in with, and what signing in as them shows. */
    record Member(Person person, String role, String email, String description) {

        Persona persona() {
            return new Persona(person.fullName(), role, email, DEMO_PASSWORD, description);
        }
    }

    /** The agency: its name, web domain and people, owner first. */
    record Agency(String name, String domain, List<Member> members) {
    }

    private Staff() {
    }

    /** The agency of this organization, seed and anchor; the same every time it is asked, in plan, apply and personas alike. */
    static Agency of(PackContext ctx) {
        int year = ctx.anchor().atZone(ZoneOffset.UTC).getYear();
        Draw ownerDraw = ctx.draw("staff", 0);
        // The owner has run events for a career; the planner is a few years into one.
        Person owner = People.bornIn(ownerDraw, year - ownerDraw.between(40, 62));
        String name = ownerDraw.pick(AGENCY_NAMES).replace("{last}", owner.lastName());
        String domain = Contacts.domain(name);
        Draw plannerDraw = ctx.draw("staff", 1);
        Person planner = People.bornIn(plannerDraw, year - plannerDraw.between(26, 38));
        while (planner.mailbox().equals(owner.mailbox())) {
            planner = People.bornIn(plannerDraw, planner.birthYear());
        }
        return new Agency(name, domain, List.of(
                new Member(owner, OWNER, Contacts.email(owner.firstName(), owner.lastName(), domain),
                        "Agency owner at " + name + ": the whole book of business, from the sales pipeline to every budget"),
                new Member(planner, PLANNER, Contacts.email(planner.firstName(), planner.lastName(), domain),
                        "Event planner at " + name + ": the calendar, budgets priced line by line, crews and rooms")));
    }

    static List<Persona> personas(PackContext ctx) {
        return of(ctx).members().stream().map(Member::persona).toList();
    }
}
