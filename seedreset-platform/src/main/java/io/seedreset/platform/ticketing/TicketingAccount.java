package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import java.util.Locale;
import java.util.UUID;

/**
 * The signed-in person as ticketing knows them: their {@code ticketing.users} row's role and company
 * (a promoter's or scanner's employer; none for admins and customers).
 */
public record TicketingAccount(UUID organizationId, UUID userId, Role role, UUID companyId) {

    /** The person's table when they are a ticketing account. */
    public static final String TABLE = "ticketing.users";

    /**
     * The ticketing account of a signed-in person, from what authentication read with them (their
     * {@code ticketing.users} row's role and company): a read asks nothing more of the database.
     *
     * @throws NotPermitted when the person is not one of ticketing's accounts (an agency person of
     *                      {@code identity.users}) or is not active
     */
    public static TicketingAccount of(Person person) {
        if (!TABLE.equals(person.table())) {
            throw new NotPermitted("ticketing routes are for the organization's ticketing accounts; " + person.email() + " is not one");
        }
        if (!person.active()) {
            throw new NotPermitted("the ticketing account " + person.email() + " is no longer active");
        }
        return new TicketingAccount(person.organizationId(), person.id(), Role.valueOf(person.role().toUpperCase(Locale.ROOT)), person.companyId());
    }

    /** Refuses a role that may not read {@code what} at all. */
    void require(String what, Role... allowed) {
        for (Role role : allowed) {
            if (role == this.role) {
                return;
            }
        }
        throw new NotPermitted(role.name().toLowerCase(Locale.ROOT) + "s do not read " + what);
    }
}
