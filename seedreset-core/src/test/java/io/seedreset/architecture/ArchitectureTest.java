package io.seedreset.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency directions of docs/DESIGN.md ("Modules and packages"), checked on core's production classes. */
@AnalyzeClasses(packages = "io.seedreset", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Pack authors compile against the pack API alone; it must not drag the engine in. */
    @ArchTest
    static final ArchRule pack_api_depends_on_nothing_of_the_engine = classes()
            .that().resideInAPackage("io.seedreset.pack..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.seedreset.pack..", "java..", "net.datafaker..");

    /** Only the SeedReset entry class reaches into the internals; results and requests stay plain. */
    @ArchTest
    static final ArchRule api_exposes_no_internals = noClasses()
            .that().resideInAPackage("io.seedreset.api..").and().doNotHaveSimpleName("SeedReset")
            .should().dependOnClassesThat().resideInAPackage("io.seedreset.internal..");

    /** Core knows nothing of the front ends, the JUnit extension, the reference platform or the bundled packs. */
    @ArchTest
    static final ArchRule core_knows_nothing_above_it = noClasses()
            .that().resideInAPackage("io.seedreset..")
            .should().dependOnClassesThat().resideInAnyPackage("io.seedreset.cli..", "io.seedreset.packs..",
                    "io.seedreset.platform..", "io.seedreset.server..", "io.seedreset.junit..", "picocli..", "io.javalin..");

    /** The internal packages depend on each other one way: a package per concept, no knots. */
    @ArchTest
    static final ArchRule internal_packages_form_no_cycle = slices().matching("io.seedreset.internal.(*)..").should().beFreeOfCycles();

    /**
     * One gate for every mutation: only the MutationGate enters the production boundary and seed
     * context, so no operation, today's or a coming one, can write to an organization around it.
     */
    @ArchTest
    static final ArchRule only_the_gate_enters_the_boundary = noClasses()
            .that().haveNameNotMatching("io\\.seedreset\\.internal\\.engine\\.MutationGate(\\$.*)?")
            .and().doNotHaveFullyQualifiedName("io.seedreset.internal.safety.ProductionBoundary")
            .should().callMethodWhere(DescribedPredicate.describe("ProductionBoundary.enter or enterSeedContext",
                    (JavaMethodCall call) -> call.getTargetOwner().getFullName().equals("io.seedreset.internal.safety.ProductionBoundary")
                            && (call.getName().equals("enter") || call.getName().equals("enterSeedContext"))));
}
