package io.towerline.api.limits;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** The document guard, configured from {@code towerline.graphql.*}. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LimitsConfiguration.class);

	/** The web client's persisted-documents manifest, in its jar (ADR 0147). */
	static final Resource SPA_DOCUMENTS = new ClassPathResource("towerline-web-trusted-documents.json");

	@Bean
	DocumentGuard documentGuard(GraphQlLimitsProperties limits,
			@Value("${spring.graphql.schema.introspection.enabled:true}") boolean introspectionEnabled) {
		return new DocumentGuard(limits, introspectionEnabled, trustedDocuments(limits));
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(GraphQlLimitsProperties limits) {
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
				new RequestSizeLimit(limits.maxRequestSize().toBytes()));
		// before security: an oversized body is refused before its token is verified
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * graphql-ws messages: Tomcat closes a socket whose message exceeds its buffer
	 * (1009). Set as the context parameters Tomcat's WebSocket container reads when it
	 * starts.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> webSocketMessageLimit(GraphQlLimitsProperties limits) {
		String size = Long.toString(Math.min(Integer.MAX_VALUE, limits.maxWebsocketMessageSize().toBytes()));
		return (factory) -> factory.addContextCustomizers((context) -> {
			context.addParameter("org.apache.tomcat.websocket.textBufferSize", size);
			context.addParameter("org.apache.tomcat.websocket.binaryBufferSize", size);
		});
	}

	private static @Nullable TrustedDocuments trustedDocuments(GraphQlLimitsProperties limits) {
		if (!limits.trustedDocuments().enabled()) {
			return null;
		}
		Resource manifest = limits.trustedDocuments().manifest();
		// web client (issue 12): without a manifest of its own, the platform trusts its
		// web client's documents
		if (manifest == null && SPA_DOCUMENTS.exists()) {
			manifest = SPA_DOCUMENTS;
		}
		if (manifest == null) {
			throw new IllegalStateException("towerline.graphql.trusted-documents.enabled is set but no "
					+ "towerline.graphql.trusted-documents.manifest is given");
		}
		TrustedDocuments trusted = TrustedDocuments.load(manifest);
		log.info("Only trusted documents are accepted: {} documents from {}", trusted.size(), manifest);
		return trusted;
	}

}
