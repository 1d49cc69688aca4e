package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.packs.people.People;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Emails, phone numbers, slugs and barcodes that look like a real platform's and can never reach
 * or name a real person or thing.
 */
final class Contacts {

    /** Reserved for documentation (RFC 2606): mail to them goes nowhere. */
    static final List<String> RESERVED_DOMAINS = List.of("example.com", "example.net", "example.org");

    private Contacts() {
    }

    /**
     * first.last at a reserved domain; when that is taken, first.last with a number, as people
     * end up with on any large mail service.
     */
    static String uniqueEmail(Draw draw, String firstName, String lastName, Set<String> taken) {
        String local = People.mailbox(firstName, lastName);
        String email = local + "@" + draw.pick(RESERVED_DOMAINS);
        // The range of numbers widens with each clash, so even a very common name finds a free address.
        for (int attempt = 1; !taken.add(email); attempt++) {
            email = local + draw.between(2, 99 * attempt) + "@" + draw.pick(RESERVED_DOMAINS);
        }
        return email;
    }

    /** A friend's address, for a ticket sent to someone without an account. */
    static String email(Draw draw, String firstName, String lastName) {
        return People.mailbox(firstName, lastName) + "@" + draw.pick(RESERVED_DOMAINS);
    }

    /** A number in the 555-0100..0199 block that North American numbering keeps for fiction. */
    static String phone(String areaCode, Draw draw) {
        return String.format(Locale.ROOT, "(%s) 555-01%02d", areaCode, draw.between(0, 99));
    }

    /** "Juniper Vale: Northern Lights Tour" becomes juniper-vale-northern-lights-tour. */
    static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
                .replace("&", "and").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * A 16-digit barcode: six random digits, the ticket's nine-digit key (which makes it unique
     * within the organization without remembering the others) and a Luhn check digit, like the
     * numeric barcodes printed on tickets.
     */
    static String barcode(Draw draw, int ticketKey) {
        String body = String.format(Locale.ROOT, "%06d%09d", draw.between(0, 999_999), ticketKey);
        return body + luhn(body);
    }

    private static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
