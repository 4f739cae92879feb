package io.towerline.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Checks the production classes of all three modules (platform-api sees them all on its
 * class path) against the rules of DESIGN.md's module picture and
 * {@code docs/adding-a-feature.md}. A violation fails the build with the offending
 * dependency named.
 */
class ModuleBoundaryTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importProductionClasses() {
		// tenant-core's test support (fixtures with simulators) reaches this module as a
		// test jar, which the predefined option does not recognise as tests
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption((location) -> !location.contains("-tests.jar"))
			.importPackages("io.towerline");
	}

	@Test
	void shouldKeepTheAdaptersWireLayerInsideTheAdapter() {
		noClasses().that()
			.resideOutsideOfPackage("io.towerline.mikrotik..")
			// the embedded demo runs simulators in-process (ADR 0076)
			.and()
			.resideOutsideOfPackage("io.towerline.api.demo..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.towerline.mikrotik.wire..", "io.towerline.mikrotik.connection..",
					"io.towerline.mikrotik.command..", "io.towerline.mikrotik.simulator..")
			.because("only the adapter speaks the RouterOS wire protocol (ADR 0100)")
			.check(classes);
	}

	@Test
	void shouldLetTheApiReachOnlyTenantCoreServices() {
		noClasses().that()
			.resideInAPackage("io.towerline.api..")
			// the embedded demo runs simulators in-process (ADR 0076)
			.and()
			.resideOutsideOfPackage("io.towerline.api.demo..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.towerline.mikrotik..")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("jakarta.persistence..")
			.because("platform-api maps requests onto tenant-core's public services, never onto storage or routers")
			.check(classes);
	}

	@Test
	void shouldKeepTenantCoreFreeOfTheWeb() {
		noClasses().that()
			.resideInAPackage("io.towerline.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.towerline.api..", "graphql..", "org.springframework.graphql..",
					"org.springframework.web..", "jakarta.servlet..")
			.because("tenant-core knows nothing of GraphQL or HTTP (DESIGN.md, modules)")
			.check(classes);
	}

	@Test
	void shouldKeepTheAdapterFreeOfTenantsAndStorage() {
		noClasses().that()
			.resideInAPackage("io.towerline.mikrotik..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.towerline.core..", "io.towerline.api..", "jakarta.persistence..",
					"org.springframework.data..")
			.because("the adapter knows nothing of tenants' databases, GraphQL or Spring Data")
			.check(classes);
	}

	@Test
	void shouldHaveNoCyclesBetweenFeaturePackages() {
		slices().matching("io.towerline.(*).(*)..")
			.should()
			.beFreeOfCycles()
			.because("a feature that needs another one's internals belongs with it or talks through events")
			.check(classes);
	}

}
