package io.seedreset.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pack applied to the test class's organization before its first test, in the order the annotations
 * are written (a scenario after the pack it requires). Repeatable.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(WithPacks.class)
public @interface WithPack {

    /** The pack's id, e.g. {@code ticketing-demo}. */
    String value();

    /** The pack's mode; empty for its default (first) mode. */
    String mode() default "";

    /** Parameters as {@code key=value}, as {@code seedreset apply --set} takes them. */
    String[] params() default {};

    /** The seed; the default derives one from the organization and the pack, as apply does without one. */
    long seed() default NO_SEED;

    /** {@link #seed()}'s default: no seed given. */
    long NO_SEED = Long.MIN_VALUE;
}
