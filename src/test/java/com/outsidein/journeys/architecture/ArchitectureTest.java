package com.outsidein.journeys.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.ws.rs.Path;

/** The package rules of DESIGN's "Code layout", read from the compiled classes; plain JUnit, no Quarkus. */
class ArchitectureTest {

    private static final String BASE = "com.outsidein.journeys";
    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void reportPackagesHaveNoCycles() {
        slices().matching(BASE + ".report.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void eventAndReportMeetOnlyInProgress() {
        noClasses().that().resideInAPackage(BASE + ".event..").should().dependOnClassesThat()
                .resideInAPackage(BASE + ".report..").check(main);
        noClasses().that().resideInAPackage(BASE + ".report..").should().dependOnClassesThat()
                .resideInAPackage(BASE + ".event..").check(main);
    }

    @Test
    void progressDependsOnNeitherIngestNorReports() {
        noClasses().that().resideInAPackage(BASE + ".progress..").should().dependOnClassesThat()
                .resideInAnyPackage(BASE + ".event..", BASE + ".report..", BASE + ".security..").check(main);
    }

    @Test
    void plumbingDependsOnNoFeature() {
        noClasses().that().resideInAnyPackage(BASE + ".problem..", BASE + ".http..", BASE + ".format..", BASE + ".database..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".journey..", BASE + ".event..", BASE + ".report..",
                        BASE + ".audit..", BASE + ".security..", BASE + ".progress..", BASE + ".source..", BASE + ".alert..")
                .check(main);
        noClasses().that().resideInAnyPackage(BASE + ".format..", BASE + ".database..").should().dependOnClassesThat()
                .resideInAnyPackage(BASE + ".problem..", BASE + ".http..").check(main);
        noClasses().that().resideInAPackage(BASE + ".problem..").should().dependOnClassesThat()
                .resideInAPackage(BASE + ".http..").check(main);
    }

    /**
     * Resources call services: they never read the database themselves. Services receive the caller as a
     * plain {@code security.Caller} value; only resources (and alert's workers) use the rest of security.
     */
    @Test
    void resourcesCallServices() {
        noClasses().that().areAnnotatedWith(Path.class).should().dependOnClassesThat()
                .haveNameMatching(".*(Repository|DataSource|EntityManager|Connection|PreparedStatement)")
                .check(main);
        noClasses().that().resideOutsideOfPackages(BASE + ".security..", BASE + ".alert..")
                .and(new DescribedPredicate<JavaClass>("are not resources or their helpers") {
                    @Override
                    public boolean test(JavaClass c) {
                        return !c.isAnnotatedWith(Path.class) && !c.getSimpleName().endsWith("Operations");
                    }
                })
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are in security, other than the Caller value") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith(BASE + ".security") && !c.getSimpleName().equals("Caller");
                    }
                }).check(main);
    }

    @Test
    void entitiesStayBehindServices() {
        classes().that().haveSimpleNameEndingWith("Entity").should().onlyBeAccessed()
                .byClassesThat(new DescribedPredicate<JavaClass>("are not resources") {
                    @Override
                    public boolean test(JavaClass c) {
                        return !c.isAnnotatedWith(Path.class);
                    }
                }).check(main);
    }
}
