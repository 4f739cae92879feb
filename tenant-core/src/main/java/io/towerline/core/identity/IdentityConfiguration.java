package io.towerline.core.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords and client secrets are hashed. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	/**
	 * BCrypt by default; hashes carry their algorithm id ({@code {bcrypt}…}), so a
	 * stronger default later still verifies the old ones.
	 */
	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
