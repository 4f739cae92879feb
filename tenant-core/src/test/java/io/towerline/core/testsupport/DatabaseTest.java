package io.towerline.core.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need the shared real PostgreSQL; Spring caches the context, so it
 * starts once per JVM.
 */
public abstract class DatabaseTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

}
