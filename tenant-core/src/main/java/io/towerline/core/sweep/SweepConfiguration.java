package io.towerline.core.sweep;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the sweeps' pacing settings; paced sweeps wait on the system's clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SweepProperties.class)
class SweepConfiguration {

	@Bean
	PacedSweeps pacedSweeps(TenantSweeps sweeps, SweepProperties properties) {
		return new PacedSweeps(sweeps, properties.spread(), SweepClock.SYSTEM);
	}

}
