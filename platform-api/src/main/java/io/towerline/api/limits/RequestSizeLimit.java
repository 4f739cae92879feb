package io.towerline.api.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the limit with 413 and PAYLOAD_TOO_LARGE, before
 * authentication or parsing. A declared length is checked up front; a body without one
 * (chunked) is read up to one byte past the limit, so a client can never make the server
 * hold more than the limit.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(response);
			return;
		}
		if (declared >= 0 || !hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
		if (body.length > this.maxBytes) {
			refuse(response);
			return;
		}
		chain.doFilter(new BufferedRequest(request, body), response);
	}

	/** Without a declared length a body may still come (chunked, or HTTP/2 frames). */
	private static boolean hasBody(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
				&& !"OPTIONS".equals(request.getMethod());
	}

	private void refuse(HttpServletResponse response) throws IOException {
		// the unread body is not drained: the connection is closed instead
		response.setHeader("Connection", "close");
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"The request body is larger than " + this.maxBytes
					+ " bytes\",\"extensions\":{\"code\":\"" + LimitCode.PAYLOAD_TOO_LARGE.name() + "\",\"maxBytes\":"
					+ this.maxBytes + "}}]}");
	}

}
