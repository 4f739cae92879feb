package io.towerline.api.throttling;

import io.towerline.api.limits.LimitCode;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * The GraphQL HTTP endpoint, answering 429 Too Many Requests to a throttled operation and
 * to one refused for its tenant's share of running operations.
 */
final class ThrottledHttpHandler extends GraphQlHttpHandler {

	ThrottledHttpHandler(WebGraphQlHandler handler, HttpMessageConverter<?> json) {
		super(handler, json);
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
		boolean throttled = response.getErrors()
			.stream()
			.anyMatch((error) -> LimitCode.RATE_LIMITED.isCodeOf(error.getExtensions())
					|| LimitCode.TENANT_CONCURRENCY_EXCEEDED.isCodeOf(error.getExtensions()));
		return throttled ? HttpStatus.TOO_MANY_REQUESTS : super.selectResponseStatus(response, mediaType);
	}

}
