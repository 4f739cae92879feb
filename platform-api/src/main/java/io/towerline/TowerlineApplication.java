package io.towerline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Towerline: the GraphQL gateway, the domain, and (by default) an embedded PostgreSQL, in
 * one process.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TowerlineApplication {

	public static void main(String[] args) {
		SpringApplication.run(TowerlineApplication.class, args);
	}

}
