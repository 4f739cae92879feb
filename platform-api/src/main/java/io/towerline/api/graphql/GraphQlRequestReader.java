package io.towerline.api.graphql;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Reads a GraphQL-over-HTTP request body and writes the JSON response. A body that is not
 * a JSON object with a non-empty string {@code query} and, when present, a string
 * {@code operationName} and object {@code variables}/{@code extensions} is refused as
 * unreadable (HTTP 400 through {@link HttpRequestErrors}); Spring's reader would accept a
 * JSON {@code null} and fail with a NullPointerException.
 */
public final class GraphQlRequestReader extends JacksonJsonHttpMessageConverter {

	private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

	private final JsonMapper mapper;

	public GraphQlRequestReader(JsonMapper mapper) {
		super(mapper);
		this.mapper = mapper;
		setSupportedMediaTypes(List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
				MediaType.parseMediaType("application/graphql-response+json"), APPLICATION_GRAPHQL));
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage message, @Nullable Map<String, Object> hints)
			throws IOException {
		return SerializableGraphQlRequest.class.equals(type.resolve()) ? readRequest(message)
				: super.read(type, message, hints);
	}

	@Override
	protected Object readInternal(Class<? extends Object> type, HttpInputMessage message) throws IOException {
		return SerializableGraphQlRequest.class.equals(type) ? readRequest(message) : super.readInternal(type, message);
	}

	private SerializableGraphQlRequest readRequest(HttpInputMessage message) throws IOException {
		JsonNode body;
		try {
			body = this.mapper.readTree(message.getBody());
		}
		catch (JacksonException ex) {
			throw unreadable(message, "The body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (body == null || !body.isObject()) {
			throw unreadable(message, "The body must be a JSON object with a 'query'");
		}
		JsonNode query = body.get("query");
		if (query == null || !query.isString() || query.asString().isBlank()) {
			throw unreadable(message, "'query' must be a non-empty string");
		}
		check(message, body, "operationName", JsonNode::isString);
		check(message, body, "variables", JsonNode::isObject);
		check(message, body, "extensions", JsonNode::isObject);
		return this.mapper.treeToValue(body, SerializableGraphQlRequest.class);
	}

	private static void check(HttpInputMessage message, JsonNode body, String field, Predicate<JsonNode> shape) {
		JsonNode value = body.get(field);
		if (value != null && !value.isNull() && !shape.test(value)) {
			throw unreadable(message, "'" + field + "' has the wrong JSON type");
		}
	}

	private static HttpMessageNotReadableException unreadable(HttpInputMessage message, String reason) {
		return new HttpMessageNotReadableException(reason, message);
	}

}
