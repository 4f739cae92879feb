package io.towerline.api.throttling;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/** A replay of a throttled request never reaches authentication or GraphQL. */
class ThrottledReplayFilterTests {

	private static final String BODY = "{\"query\":\"{ pops(first: 10) { edges { node { id } } } }\"}";

	private final RecentRefusals refusals = new RecentRefusals(Duration.ofMinutes(1));

	private final ThrottledReplayFilter filter = new ThrottledReplayFilter(this.refusals, Duration.ZERO);

	@Test
	void shouldAnswerAReplayOfAThrottledRequestWithoutPassingItOn() throws Exception {
		// 1,000 points asked, none left, one back per second
		this.refusals.remember(new ReplayKey("Bearer token-a", BODY.getBytes(StandardCharsets.UTF_8)), "tenant",
				new Charge(1_000, 0, 0, 1_000, 1, 1_000));
		FilterChain chain = mock(FilterChain.class);
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request("Bearer token-a", BODY), response, chain);

		then(chain).should(never()).doFilter(any(), any());
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(900L, 1_000L);
		assertThat(response.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"").contains("\"charged\":0");
	}

	@Test
	void shouldPassOnAnythingElseWithItsBodyIntactAndItsKey() throws Exception {
		this.refusals.remember(new ReplayKey("Bearer token-a", BODY.getBytes(StandardCharsets.UTF_8)), "tenant",
				new Charge(22, 0, 3, 100, 1, 19));
		String[] seen = new String[1];
		FilterChain chain = (request, response) -> {
			seen[0] = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(request.getAttribute(ReplayKey.ATTRIBUTE)).isInstanceOf(ReplayKey.class);
		};

		for (MockHttpServletRequest request : new MockHttpServletRequest[] { request("Bearer token-b", BODY),
				request("Bearer token-a", BODY.replace("10", "11")) }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			seen[0] = null;
			this.filter.doFilter(request, response, chain);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(seen[0]).isEqualTo(new String(request.getContentAsByteArray(), StandardCharsets.UTF_8));
		}
	}

	private static MockHttpServletRequest request(String authorization, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.addHeader("Authorization", authorization);
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
