package io.towerline.api.graphql;

import java.time.Duration;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A subscription refused by its role rule over graphql-ws, where the caller's
 * authentication travels in the stream's context rather than on the request thread: an
 * authenticated caller without the role is FORBIDDEN (told to ask someone with the role,
 * not to sign in again).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubscriptionRefusalCodesTests extends ApiTest {

	@LocalServerPort
	int port;

	@Test
	void shouldForbidAnAuthenticatedCallerWithoutTheRole() {
		Flux<?> stream = GraphQlSockets.as(this.port, TestTokens.platformAdmin())
			.document("subscription { operationsChanged { id } }")
			.executeSubscription()
			.toFlux();
		assertThatExceptionOfType(SubscriptionErrorException.class)
			.isThrownBy(() -> stream.blockFirst(Duration.ofSeconds(30)))
			.satisfies((ended) -> assertThat(ended.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

}
