package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.util.Locale;
import java.util.UUID;

/**
 * The signed-in person as accounting knows them: one of the organization's people ({@code identity.users})
 * who keeps its books, the owner or an accountant. Both read everything and post invoices and payments;
 * payroll (running it, changing salaries) is the owner's alone.
 *
 * @param email the person's email: what the books record as who posted an entry ({@code created_by})
 */
public record Bookkeeper(UUID organizationId, UUID userId, String email, Role role) {

    /** Where the people who keep the books are kept; ticketing's accounts are another module's. */
    public static final String TABLE = "identity.users";

    /** What a person who keeps the books is, as {@code identity.users.role} spells it in lower case. */
    public enum Role {
        /** Sees and does everything, payroll included. */
        OWNER,
        /** Sees everything and does the books; cannot change payroll. */
        ACCOUNTANT
    }

    /**
     * The bookkeeper a signed-in person is, from what authentication read with them.
     *
     * @throws WorkflowRefused forbidden, for a ticketing account, a person of another role (an event planner) or one
     *                         no longer active
     */
    public static Bookkeeper of(Person person) {
        String refusal = "accounting is for the organization's owner and accountants; " + person.email();
        if (!TABLE.equals(person.table())) {
            throw WorkflowRefused.forbidden(refusal + " is a ticketing account");
        }
        Role role = switch (person.role()) {
            case "owner" -> Role.OWNER;
            case "accountant" -> Role.ACCOUNTANT;
            default -> throw WorkflowRefused.forbidden(refusal + " is " + withArticle(person.role()));
        };
        if (!person.active()) {
            throw WorkflowRefused.forbidden(refusal + " is no longer active");
        }
        return new Bookkeeper(person.organizationId(), person.id(), person.email(), role);
    }

    /** Refuses unless this is the owner: payroll is theirs alone. */
    Bookkeeper requireOwner(String toDoWhat) {
        if (role != Role.OWNER) {
            throw WorkflowRefused.forbidden("only the owner may " + toDoWhat + "; " + email + " is "
                    + withArticle(role.name().toLowerCase(Locale.ROOT)));
        }
        return this;
    }

    private static String withArticle(String role) {
        return ("aeiou".indexOf(Character.toLowerCase(role.isEmpty() ? 'x' : role.charAt(0))) >= 0 ? "an " : "a ") + role;
    }
}
