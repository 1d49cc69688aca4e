package io.seedreset.packs.travel;

import io.seedreset.pack.Persona;
import java.util.List;

/**
 * The two people who sign in to Demo Travel Co's books (module {@code identity}): the owner and the
 * accountant. Their names, emails and roles are fixed by the shared contract of the accounting
 * work (docs, API walkthroughs and the scenarios name them), at the reserved domain example.test so
 * no mail reaches a real inbox, and they share one published demo password, stored only as its
 * bcrypt hash. Both are also on the payroll ({@link Payroll}).
 */
final class Personas {

    /** The demo password of both logins; only its bcrypt hash is stored. */
    static final String DEMO_PASSWORD = "DemoTravel!2026";
    /** The work factor real platforms use today; the platform's sign-in verifies the hash unchanged. */
    static final int HASH_COST = 10;
    /** The hash's 16 bytes of salt, fixed so that the hash is a constant. */
    static final String HASH_SALT = "Seed&ResetTravel";
    /**
     * The bcrypt hash of {@link #DEMO_PASSWORD} at {@link #HASH_COST} with {@link #HASH_SALT}, computed once
     * when this was written ({@code PersonasTest} computes it again). A hash made at apply time with a random
     * salt would change the rows, and the plan hash, on every apply; and hashing costs most of a small apply.
     */
    static final String DEMO_PASSWORD_HASH = "$2a$10$S0TjXAXQXVLjbDPwWVXjZ.W04.bCd2Li5YOS7F7lwfC/ztNunEE3y";

    static final String OWNER_ROLE = "owner";
    static final String ACCOUNTANT_ROLE = "accountant";

    /**
     * One login. {@code since} is how many days before the history began the login was made: the
     * owner set the books up on the platform, the accountant joined a little later.
     */
    record Spec(String firstName, String lastName, String role, String email, int since, String description) {

        String name() {
            return firstName + " " + lastName;
        }

        Persona persona() {
            return new Persona(name(), role, email, DEMO_PASSWORD, description);
        }
    }

    static final Spec OWNER = new Spec("Claire", "Donovan", OWNER_ROLE, "owner.demo@example.test", 420,
            "Owner of Demo Travel Co: sees and does everything, from invoices, bills and the reports to payroll and salaries");
    static final Spec ACCOUNTANT = new Spec("Samir", "Haddad", ACCOUNTANT_ROLE, "accountant.demo@example.test", 300,
            "Accountant of Demo Travel Co: keeps the books (issues invoices, records payments, reads bills, bank "
                    + "reconciliations and the reports); sees payroll but cannot change it");

    /** In {@code user} ordinal order: the owner is user 0, the accountant user 1. */
    static final List<Spec> ALL = List.of(OWNER, ACCOUNTANT);

    private Personas() {
    }
}
