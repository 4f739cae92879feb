package io.towerline.api.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Requests to the GraphQL endpoint that are broken before GraphQL sees them (a body that
 * is not a GraphQL request, an unsupported content type or method) get a 4xx status and a
 * GraphQL-shaped JSON body with a code, {@code {"errors":[{"message":…,"extensions":
 * {"code":…}}]}}, and one log line at most: INVALID_REQUEST_BODY (400),
 * UNSUPPORTED_MEDIA_TYPE (415), METHOD_NOT_ALLOWED (405). Everything else is left to
 * Spring.
 */
final class HttpRequestErrors implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(HttpRequestErrors.class);

	private final String path;

	private final JsonMapper json = JsonMapper.builder().build();

	HttpRequestErrors(String path) {
		this.path = path;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!this.path.equals(request.getRequestURI()) || response.isCommitted()) {
			return null;
		}
		Refusal refusal = refusal(ex);
		if (refusal == null) {
			return null;
		}
		log.info("Refused a GraphQL HTTP request: {} {}", refusal.code(), refusal.message());
		try {
			response.setStatus(refusal.status().value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			this.json.writeValue(response.getOutputStream(), Map.of("errors",
					List.of(Map.of("message", refusal.message(), "extensions", Map.of("code", refusal.code())))));
		}
		catch (IOException writeFailed) {
			log.debug("Could not write the refusal", writeFailed);
		}
		return new ModelAndView();
	}

	private static @Nullable Refusal refusal(Exception ex) {
		return switch (ex) {
			case HttpMessageNotReadableException unreadable -> new Refusal(HttpStatus.BAD_REQUEST,
					"INVALID_REQUEST_BODY", "The request body is not a GraphQL request: " + reason(unreadable));
			case ServerWebInputException input -> new Refusal(HttpStatus.BAD_REQUEST, "INVALID_REQUEST_BODY",
					"The request body is not a GraphQL request: " + input.getReason());
			case HttpMediaTypeNotSupportedException unsupported -> unsupportedType();
			case UnsupportedMediaTypeStatusException unsupported -> unsupportedType();
			case HttpRequestMethodNotSupportedException method ->
				new Refusal(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Send GraphQL requests with POST");
			case ResponseStatusException status when status.getStatusCode().is4xxClientError() ->
				new Refusal(HttpStatus.valueOf(status.getStatusCode().value()), "INVALID_REQUEST",
						String.valueOf(status.getReason()));
			default -> null;
		};
	}

	/**
	 * A POST to the endpoint in a content type GraphQL is not read from; Spring Boot's
	 * own route answers 415 with no body.
	 */
	RouterFunction<ServerResponse> unsupportedMediaTypes() {
		return RouterFunctions.route()
			.POST(this.path, (request) -> !readable(request.headers().contentType().orElse(null)), (request) -> {
				Refusal refusal = unsupportedType();
				log.info("Refused a GraphQL HTTP request: {} {}", refusal.code(), refusal.message());
				return ServerResponse.status(refusal.status())
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("errors", List
						.of(Map.of("message", refusal.message(), "extensions", Map.of("code", refusal.code())))));
			})
			.build();
	}

	private static boolean readable(@Nullable MediaType type) {
		return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type) || "graphql".equals(type.getSubtype())
				|| type.getSubtype().endsWith("+json"));
	}

	private static Refusal unsupportedType() {
		return new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
				"Send the request as application/json");
	}

	/** The reader's own reason, or Jackson's first line (never a stack trace). */
	private static String reason(HttpMessageNotReadableException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "unreadable";
		int end = message.indexOf('\n');
		return (end > 0) ? message.substring(0, end) : message;
	}

	private record Refusal(HttpStatus status, String code, String message) {

	}

}
