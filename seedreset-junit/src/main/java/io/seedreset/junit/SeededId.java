package io.seedreset.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the id a pack gave one of its rows into a {@link java.util.UUID} parameter, as
 * {@link SeededOrganization#id(String, String, int)} derives it: {@code @SeededId(pack = "ticketing-demo",
 * entity = "event", ordinal = 0) UUID flagship}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SeededId {

    String pack();

    /** The entity name the pack keys the row's id by (its {@code context.id(entity, ordinal)}). */
    String entity();

    int ordinal();
}
