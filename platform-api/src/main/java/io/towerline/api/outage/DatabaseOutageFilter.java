package io.towerline.api.outage;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.towerline.core.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a database outage that escapes the request before GraphQL could code
 * it (the tenant's catalog check, revocation lookups) is answered 503 with
 * DATABASE_UNAVAILABLE and {@code Retry-After}, not a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private static final String RETRY_AFTER_SECONDS = "5";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!DatabaseOutage.causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
			response.resetBuffer();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"errors\":[{\"message\":\"The database is unavailable; retry in a few seconds\","
						+ "\"extensions\":{\"code\":\"" + ErrorCode.DATABASE_UNAVAILABLE.name()
						+ "\",\"retryable\":true,\"retryAfterSeconds\":" + RETRY_AFTER_SECONDS + "}}]}");
		}
	}

}
