package io.seedreset.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that works on a seeded organization: the class gets an organization of kind qa of its own (a
 * unique slug, so classes running in parallel never share one), the packs of its {@link WithPack} annotations
 * are applied to it once, and after each test the organization is returned to that applied state.
 * Test methods, constructors and lifecycle methods take a {@link javax.sql.DataSource}, the
 * {@link io.seedreset.api.SeedReset}, the {@link SeededOrganization}, the {@link io.seedreset.api.Organization},
 * a {@link SeededPersona} and a {@link SeededId} as parameters.
 *
 * <p>The database is the one {@code SEEDRESET_URL} names (a JDBC URL; the system property {@code seedreset.url}
 * wins over it), else an embedded PostgreSQL started once per JVM; either is initialised once per JVM.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SeedResetExtension.class)
public @interface SeedResetTest {
}
