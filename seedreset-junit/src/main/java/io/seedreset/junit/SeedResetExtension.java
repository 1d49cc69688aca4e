package io.seedreset.junit;

import io.seedreset.api.Organization;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Persona;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link SeedResetTest}: seeds the class's organization before its first test (or first
 * parameter, for a class whose instance is made before its {@code BeforeAll} callbacks) and restores it after
 * each test, passed or failed. The organization lives in the class's store, so a {@code @Nested} class shares
 * its enclosing class's; when the class is done, its seeded rows are torn down.
 */
public final class SeedResetExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeedResetExtension.class);
    private static final int SLUG_STEM = 40;

    @Override
    public void beforeAll(ExtensionContext context) {
        seeded(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        seeded(context).organization().restore();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == SeedReset.class || type == SeededOrganization.class || type == Organization.class
                || (type == Persona.class && parameter.isAnnotated(SeededPersona.class))
                || (type == UUID.class && parameter.isAnnotated(SeededId.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == DataSource.class) {
            return TestDatabase.current().dataSource();
        }
        if (type == SeedReset.class) {
            return TestDatabase.current().seedReset();
        }
        SeededOrganization organization = seeded(context).organization();
        try {
            if (type == Persona.class) {
                return organization.persona(parameter.findAnnotation(SeededPersona.class).orElseThrow().value());
            }
            if (type == UUID.class) {
                SeededId id = parameter.findAnnotation(SeededId.class).orElseThrow();
                return organization.id(id.pack(), id.entity(), id.ordinal());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(describe(parameter.getParameter()) + ": " + e.getMessage());
        }
        return type == Organization.class ? organization.organization() : organization;
    }

    private static String describe(Parameter parameter) {
        return "parameter " + parameter.getName() + " of " + parameter.getDeclaringExecutable().getName();
    }

    /** The class's organization, seeded on first use; an enclosing class's when this one is nested in it. */
    private static Seeded seeded(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Seeded.class, key -> seed(classContext.getRequiredTestClass()),
                Seeded.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() || current.getTestClass().isEmpty()) {
            current = current.getParent().orElseThrow(() -> new ExtensionConfigurationException("@SeedResetTest works on test classes"));
        }
        return current;
    }

    private static Seeded seed(Class<?> testClass) {
        List<WithPack> packs = AnnotationSupport.findRepeatableAnnotations(testClass, WithPack.class);
        TestDatabase database = TestDatabase.current();
        List<PackRequest> requests = new ArrayList<>();
        String slug = slugFor(testClass);
        for (WithPack pack : packs) {
            requests.add(request(database.seedReset(), pack, slug, testClass));
        }
        try {
            return new Seeded(SeededOrganization.create(database.seedReset(), database.dataSource(), slug, "QA: " + testClass.getName(), requests));
        } catch (SeedResetException e) {
            throw new ExtensionConfigurationException(testClass.getSimpleName() + ": seeding " + packs.stream().map(SeedResetExtension::describe)
                    .collect(Collectors.joining(", ")) + " failed: " + e.getMessage(), e);
        }
    }

    /** Checks the pack and its mode before anything is created, so a typo fails the class with one line naming it. */
    private static PackRequest request(SeedReset seedReset, WithPack pack, String slug, Class<?> testClass) {
        List<PackDescriptor> installed = seedReset.packs();
        PackDescriptor descriptor = installed.stream().filter(d -> d.id().equals(pack.value())).findFirst()
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getSimpleName() + ": " + describe(pack) + ": no such pack (installed: "
                        + installed.stream().map(PackDescriptor::id).sorted().collect(Collectors.joining(", ")) + ")"));
        if (!pack.mode().isEmpty() && descriptor.modes().stream().noneMatch(m -> m.name().equals(pack.mode()))) {
            throw new ExtensionConfigurationException(testClass.getSimpleName() + ": " + describe(pack) + ": pack '" + pack.value()
                    + "' has no mode '" + pack.mode() + "' (its modes: " + descriptor.modes().stream().map(Mode::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        PackRequest request = PackRequest.of(pack.value(), slug).mode(pack.mode().isEmpty() ? null : pack.mode())
                .seed(pack.seed() == WithPack.NO_SEED ? null : pack.seed());
        for (String param : pack.params()) {
            int equals = param.indexOf('=');
            if (equals < 1) {
                throw new ExtensionConfigurationException(testClass.getSimpleName() + ": " + describe(pack) + ": parameter '" + param
                        + "' is not key=value");
            }
            request = request.set(param.substring(0, equals).strip(), param.substring(equals + 1).strip());
        }
        return request;
    }

    private static String describe(WithPack pack) {
        return "@WithPack(\"" + pack.value() + "\"" + (pack.mode().isEmpty() ? "" : ", mode = \"" + pack.mode() + "\"")
                + (pack.params().length == 0 ? "" : ", params = {" + String.join(", ", pack.params()) + "}") + ")";
    }

    /** qa-, the class's name as far as a slug takes it, and a random suffix: unique per class and per run. */
    static String slugFor(Class<?> testClass) {
        String stem = testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (stem.length() > SLUG_STEM) {
            stem = stem.substring(0, SLUG_STEM).replaceAll("-$", "");
        }
        return "qa-" + stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The class's organization in its store: torn down (seeded rows and baseline removed) when the class is done. */
    private record Seeded(SeededOrganization organization) implements AutoCloseable {

        @Override
        public void close() {
            organization.tearDown();
        }
    }
}
