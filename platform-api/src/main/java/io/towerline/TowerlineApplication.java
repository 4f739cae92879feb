package io.towerline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Towerline: the GraphQL gateway, the domain, and (by default) an embedded PostgreSQL, in
 * one process. Scans every module under {@code io.towerline}, but never another
 * application class (a module's own test application, for one).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class) })
@ConfigurationPropertiesScan
public class TowerlineApplication {

	public static void main(String[] args) {
		SpringApplication.run(TowerlineApplication.class, args);
	}

}
