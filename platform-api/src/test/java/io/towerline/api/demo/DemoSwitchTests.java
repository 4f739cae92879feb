package io.towerline.api.demo;

import io.towerline.api.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo stays off when turned off, and production never starts it. */
class DemoSwitchTests extends ApiTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(DemoNetwork.class);

	@Autowired
	ApplicationContext context;

	@Test
	void shouldNotStartTheDemoWhenDisabled() {
		// this application runs with towerline.demo.enabled=false (the tests' config)
		assertThat(this.context.getBeansOfType(DemoNetwork.class)).isEmpty();
		this.runner.withPropertyValues("towerline.demo.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DemoNetwork.class));
	}

	@Test
	void shouldNeverStartTheDemoInProduction() {
		this.runner.withPropertyValues("towerline.mode=production", "towerline.demo.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(DemoNetwork.class));
	}

}
