package io.towerline.api.throttling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.towerline.api.limits.BufferedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a GraphQL request that is byte for byte one just throttled, while its
 * bucket still cannot hold it, before the token is verified and before anything is
 * parsed: a throttled client's loop then costs the server a lookup per request instead of
 * a signature check and an execution, and other tenants keep the CPU; the answer is held
 * back briefly, so a client retrying in a loop cannot turn cheap refusals into thousands
 * a second. Only requests that were verified and throttled are remembered, under their
 * exact token, so a forged or altered request never matches. Runs after the body-size
 * limit, so the body read here is bounded.
 */
final class ThrottledReplayFilter extends OncePerRequestFilter {

	private final RecentRefusals refusals;

	private final long delayMillis;

	ThrottledReplayFilter(RecentRefusals refusals, Duration delay) {
		this.refusals = refusals;
		this.delayMillis = delay.toMillis();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readAllBytes();
		ReplayKey key = new ReplayKey(request.getHeader(HttpHeaders.AUTHORIZATION), body);
		Charge refusal = this.refusals.refusal(key);
		if (refusal != null) {
			holdBack(refusal);
			refuse(response, refusal);
			return;
		}
		request.setAttribute(ReplayKey.ATTRIBUTE, key);
		chain.doFilter(new BufferedRequest(request, body), response);
	}

	/**
	 * A client that retries in a loop gets its next chance no sooner: the request thread
	 * is virtual, so holding the answer costs a parked thread, not a core.
	 */
	private void holdBack(Charge refusal) {
		long millis = Math.min(this.delayMillis, refusal.retryAfterSeconds() * 1_000);
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void refuse(HttpServletResponse response, Charge charge) throws IOException {
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(charge.retryAfterSeconds()));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"Rate limit exceeded: this operation costs " + charge.requested()
					+ " points and " + charge.remaining() + " are left; retry in " + charge.retryAfterSeconds()
					+ " s\",\"extensions\":{\"code\":\"RATE_LIMITED\",\"retryAfterSeconds\":"
					+ charge.retryAfterSeconds() + "}}],\"extensions\":{\"cost\":{\"requested\":" + charge.requested()
					+ ",\"charged\":0,\"remaining\":" + charge.remaining() + ",\"limit\":" + charge.limit()
					+ ",\"restoreRate\":" + charge.restoreRate() + "}}}");
	}

}
