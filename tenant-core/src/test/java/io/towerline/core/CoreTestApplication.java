package io.towerline.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.TestComponent;

/**
 * Boots the domain on its own for this module's tests. A test component, so that the
 * application's component scan skips it when these test classes are on another module's
 * test class path (the reactor resolves the test-jar to this module's test-classes),
 * where it would add {@code io.towerline.core} as a second auto-configuration package and
 * every repository would be registered twice.
 */
@SpringBootApplication
@TestComponent
public class CoreTestApplication {

}
