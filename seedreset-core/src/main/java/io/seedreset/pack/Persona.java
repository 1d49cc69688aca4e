package io.seedreset.pack;

import java.util.Objects;

/**
 * A login a pack creates for people to use: who it stands for, its role and credentials.
 * Apply prints these so a sales rep or tester can sign in as the persona. The password is a
 * published demo password; the pack stores only its hash.
 */
public record Persona(String name, String role, String email, String password, String description) {

    public Persona {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(description, "description");
    }
}
