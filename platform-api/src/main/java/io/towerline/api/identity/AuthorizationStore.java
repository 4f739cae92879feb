package io.towerline.api.identity;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Where the embedded authorization server keeps its authorizations: the platform schema's
 * {@code oauth2_authorization} table (ADR 0241), and the sweep that keeps it from growing
 * for ever.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "towerline.identity.enabled", havingValue = "true")
class AuthorizationStore {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationStore.class);

	/**
	 * Authorizations (codes, PKCE challenges, the tokens issued and their id tokens,
	 * which sign-out looks up) in the platform schema, so that any replica, and this one
	 * after a restart, knows them (ADR 0241).
	 */
	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
		// the stored token claims carry access_epoch, a Long, which the library's default
		// type allowlist refuses to read back
		JsonMapper json = JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(AuthorizationStore.class.getClassLoader(),
					BasicPolymorphicTypeValidator.builder().allowIfSubType(Long.class)))
			.build();
		JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(jdbc, clients);
		service.setAuthorizationRowMapper(new JsonMapperOAuth2AuthorizationRowMapper(clients, json));
		service.setAuthorizationParametersMapper(new JsonMapperOAuth2AuthorizationParametersMapper(json));
		return service;
	}

	@Bean
	AuthorizationSweep authorizationSweep(JdbcClient jdbc) {
		return new AuthorizationSweep(jdbc);
	}

	/**
	 * The sweep of used-up authorizations, one replica at a time through db-scheduler.
	 */
	@Bean
	RecurringTask<Void> authorizationSweepTask(AuthorizationSweep sweep, IdentityProperties properties, Clock clock) {
		return Tasks.recurring("authorization-sweep", FixedDelay.of(properties.sweepInterval()))
			.execute((instance, context) -> {
				int deleted = sweep.purge(clock.instant());
				if (deleted > 0) {
					log.info("Deleted {} expired authorizations", deleted);
				}
			});
	}

}
