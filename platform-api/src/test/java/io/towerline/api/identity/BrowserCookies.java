package io.towerline.api.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One browser's cookies at the server, its session cookie among them: sent with each
 * request it makes and updated from each answer, as a browser does. The session lives in
 * the server's session store, found by the cookie, so a {@code MockHttpSession} would not
 * carry it from one request to the next.
 */
final class BrowserCookies implements RequestPostProcessor {

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		if (!this.cookies.isEmpty()) {
			request.setCookies(this.cookies.values().toArray(Cookie[]::new));
		}
		return request;
	}

	/** Keeps the cookies the answer set and drops those it cleared. */
	MvcTestResult keep(MvcTestResult result) {
		for (Cookie cookie : result.getResponse().getCookies()) {
			if (cookie.getMaxAge() == 0) {
				this.cookies.remove(cookie.getName());
			}
			else {
				this.cookies.put(cookie.getName(), cookie);
			}
		}
		return result;
	}

}
