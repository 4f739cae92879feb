package io.towerline.api.support;

import java.net.URI;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * graphql-ws clients of the test server on {@code port}: the one way the subscription
 * tests connect, the token sent in {@code connection_init} as the web client does.
 */
public final class GraphQlSockets {

	private GraphQlSockets() {
	}

	/** A client that signs in with {@code token}. */
	public static WebSocketGraphQlTester as(int port, String token) {
		return WebSocketGraphQlTester.builder(uri(port), new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

	private static URI uri(int port) {
		return URI.create("ws://127.0.0.1:" + port + "/graphql-ws");
	}

}
