package io.towerline.core.operation;

import java.util.Optional;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task data is stored as JSON: readable in the table, and stable when classes change
 * (unlike Java serialization).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerSerialization {

	@Bean
	DbSchedulerCustomizer jsonTaskData() {
		return new DbSchedulerCustomizer() {
			@Override
			public Optional<Serializer> serializer() {
				return Optional.of(new Jackson3Serializer());
			}
		};
	}

}
