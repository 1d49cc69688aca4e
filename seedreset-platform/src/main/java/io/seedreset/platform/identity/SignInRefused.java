package io.seedreset.platform.identity;

/** A sign-in the platform refuses; the message is the same for a wrong password and an unknown email, so nobody can probe for accounts. */
public final class SignInRefused extends RuntimeException {

    /** Why, for the HTTP status: 401 for credentials, 403 for a deactivated account. */
    public enum Why { WRONG_CREDENTIALS, DEACTIVATED }

    private final Why why;

    SignInRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
