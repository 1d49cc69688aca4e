package io.seedreset.platform.ticketing;

import java.util.regex.Pattern;

/**
 * What ticketing takes for an email address: the ticketing-demo pack's validation rule {@code emails-well-formed}
 * (letters, digits and the usual punctuation, an @, and a domain with a top-level part), so that no workflow
 * writes an address the pack's rules would then report.
 */
public final class EmailAddresses {

    /** The pack's pattern, as its rule writes it for PostgreSQL ({@code PlatformRulesTest} compares them). */
    public static final String PATTERN = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private EmailAddresses() {
    }

    public static boolean wellFormed(String email) {
        return email != null && COMPILED.matcher(email).matches();
    }
}
