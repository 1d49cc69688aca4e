package io.seedreset.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects one of the logins the packs created into a {@link io.seedreset.pack.Persona} parameter: the persona
 * with this email or name, else the first with this role ({@code admin}, {@code promoter}, ...), as
 * {@link SeededOrganization#persona(String)} finds it.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SeededPersona {

    String value();
}
