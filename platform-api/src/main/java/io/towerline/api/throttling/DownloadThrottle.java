package io.towerline.api.throttling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.towerline.api.limits.LimitCode;
import io.towerline.api.security.SecurityProperties;
import io.towerline.api.security.TowerlineAuthentication;
import io.towerline.api.usage.RequestCounts;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Charges a file download (the subscriber CSV export) to its caller's buckets, priced
 * like reading the same rows through GraphQL: one point per row plus one, but at most
 * what the caller's tighter bucket holds, so a large export is possible with a full
 * bucket and then drains it instead of being free. Refused downloads are answered 429
 * with {@code Retry-After} and the same {@code RATE_LIMITED} error body as GraphQL's,
 * before anything is written.
 */
@Component
public class DownloadThrottle {

	private final Throttle throttle;

	private final RequestCounts counts;

	private final String platformTenant;

	DownloadThrottle(Throttle throttle, RequestCounts counts, SecurityProperties security) {
		this.throttle = throttle;
		this.counts = counts;
		this.platformTenant = security.platformTenant();
	}

	/**
	 * Charges a download of {@code rows} rows; when the buckets cannot pay, answers 429.
	 * @return whether the download may be written
	 */
	public boolean admit(long rows, HttpServletResponse response) throws IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (!(current instanceof TowerlineAuthentication authentication)) {
			// the endpoints that call this are for signed-in tenant staff only
			throw new IllegalStateException("A download without a Towerline authentication");
		}
		Caller caller = Caller.of(authentication, this.platformTenant);
		this.counts.increment(caller.tenant(), caller.client());
		long price = Math.min(rows + 1, this.throttle.largestCharge(caller));
		Charge charge = this.throttle.charge(caller, price);
		if (!charge.throttled()) {
			return true;
		}
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(charge.retryAfterSeconds()));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"Rate limit exceeded: this download costs " + charge.requested()
					+ " points and " + charge.remaining() + " are left; retry in " + charge.retryAfterSeconds()
					+ " s\",\"extensions\":{\"code\":\"" + LimitCode.RATE_LIMITED.name() + "\",\"retryAfterSeconds\":"
					+ charge.retryAfterSeconds() + "}}]}");
		return false;
	}

}
