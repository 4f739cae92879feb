package io.towerline.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the domain on its own for this module's tests. */
@SpringBootApplication
class CoreTestApplication {

}
