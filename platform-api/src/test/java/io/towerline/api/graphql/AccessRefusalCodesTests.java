package io.towerline.api.graphql;

import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code of a refusal by method security, for each kind of caller the request has and
 * each way the check can refuse: no authentication or the anonymous one is asked to
 * authenticate; an authenticated caller lacking the role is FORBIDDEN; an authenticated
 * caller whose check ran without their context is our fault (INTERNAL_ERROR), never a
 * reason to sign in again.
 */
class AccessRefusalCodesTests {

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static Iterable<Arguments> refusals() {
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		Authentication signedIn = new TestingAuthenticationToken("user", "n/a", "ROLE_VIEWER");
		RuntimeException denied = new AccessDeniedException("Access Denied");
		RuntimeException noAuthentication = new AuthenticationCredentialsNotFoundException(
				"An Authentication object was not found in the SecurityContext");
		return List.of(Arguments.of("nobody", null, denied, "UNAUTHENTICATED"),
				Arguments.of("nobody", null, noAuthentication, "UNAUTHENTICATED"),
				Arguments.of("anonymous", anonymous, denied, "UNAUTHENTICATED"),
				Arguments.of("anonymous", anonymous, noAuthentication, "UNAUTHENTICATED"),
				Arguments.of("signed in", signedIn, denied, "FORBIDDEN"),
				Arguments.of("signed in", signedIn, noAuthentication, "INTERNAL_ERROR"));
	}

	@ParameterizedTest(name = "{0} refused by {2}: {3}")
	@MethodSource("refusals")
	void shouldCodeARefusalByWhoTheCallerIs(String caller, @Nullable Authentication authentication,
			RuntimeException refusal, String code) {
		if (authentication != null) {
			SecurityContextHolder.getContext().setAuthentication(authentication);
		}
		Map<String, Object> extensions = DomainErrorResolver.describe(refusal, GraphqlErrorBuilder::newError, "a test")
			.getExtensions();
		assertThat(extensions).containsEntry("code", code);
	}

}
