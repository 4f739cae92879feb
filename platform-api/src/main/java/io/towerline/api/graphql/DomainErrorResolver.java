package io.towerline.api.graphql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.towerline.core.error.DomainException;
import io.towerline.api.outage.DatabaseOutage;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.MissingTenantException;
import io.towerline.core.tenancy.TenantClusters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

/**
 * Turns every exception of a data fetcher into a GraphQL error with a stable
 * {@code extensions.code}. A database out of reach is DATABASE_UNAVAILABLE, retryable.
 * Anything not raised on purpose becomes an opaque INTERNAL_ERROR: logged in full here,
 * never shown (no stack trace, no SQL).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(DomainErrorResolver.class);

	/** Retryable conditions the client should wait out, not report. */
	static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

	/** A PostgreSQL restart or a failover is over in seconds. */
	private static final int RETRY_AFTER_SECONDS = 5;

	DomainErrorResolver() {
		// restore the request's thread-local context (security, tenant, logging) while
		// resolving
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		return describe(ex, () -> GraphqlErrorBuilder.newError(env), env.getExecutionStepInfo().getPath().toString());
	}

	/**
	 * Whether PostgreSQL refused a value as text it cannot hold: SQLSTATE 22021 (a NUL
	 * byte, invalid UTF-8) or 22P05 (untranslatable character).
	 */
	private static boolean unstorableText(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql
					&& ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The error for {@code ex}, built on fresh builders from {@code builders}; shared
	 * with {@link SubscriptionErrorResolver} so that a subscription's failure carries the
	 * same code as a query's.
	 */
	static GraphQLError describe(Throwable ex, Supplier<GraphqlErrorBuilder<?>> builders, String where) {
		return switch (ex) {
			case NotFoundException notFound ->
				error(builders, ErrorType.NOT_FOUND, notFound.code().name(), notFound.getMessage());
			case MissingTenantException missing -> error(builders, ErrorType.FORBIDDEN, missing.code().name(),
					"This operation is for tenant users; the caller has no tenant");
			case InvalidInputException invalid -> builders.get()
				.errorType(ErrorType.BAD_REQUEST)
				.message(invalid.getMessage())
				.extensions(Map.of("code", invalid.code().name(), "fields", fields(invalid)))
				.build();
			case DomainException domain ->
				error(builders, ErrorType.BAD_REQUEST, domain.code().name(), domain.getMessage());
			case ApiInputException input -> error(builders, ErrorType.BAD_REQUEST, input.code(), input.getMessage());
			case BindException binding -> ArgumentErrors.describe(binding, builders.get());
			case DataIntegrityViolationException unstorable when unstorableText(unstorable) -> {
				// text PostgreSQL cannot hold (a NUL byte) that no validation caught: the
				// caller's input, not a race; one line, the caller gets the reason
				log.info("Text the database cannot store in {}: {}", where,
						unstorable.getMostSpecificCause().getMessage());
				yield error(builders, ErrorType.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(),
						"Text must not contain NUL (U+0000) characters");
			}
			case DataIntegrityViolationException conflict -> {
				// a reference checked before the write changed under it (a race): the
				// caller can read again and retry; one line (a Throwable as the last
				// argument would log its stack trace)
				log.warn("Write refused by a database constraint in {}: {}", where,
						conflict.getMostSpecificCause().toString());
				yield error(builders, ErrorType.BAD_REQUEST, ErrorCode.INVALID_STATE.name(),
						"The change conflicts with other data that changed meanwhile; read it again and retry");
			}
			case ObjectOptimisticLockingFailureException conflict ->
				error(builders, ErrorType.BAD_REQUEST, ErrorCode.CONCURRENT_MODIFICATION.name(),
						"The object was changed by someone else; read it again and retry");
			case AccessDeniedException denied ->
				callerAuthenticated() ? error(builders, ErrorType.FORBIDDEN, RequestErrorCode.FORBIDDEN.name(),
						"Your role does not allow this operation") : authenticationRequired(builders);
			// method security with no authentication at all on the checking thread
			case AuthenticationException unauthenticated when !callerAuthenticated() ->
				authenticationRequired(builders);
			case AuthenticationException lostContext -> {
				// the caller is authenticated: a resolver ran where their context did not
				// follow, a fault here, not a reason to send them to sign in again
				log.error("Authentication missing in {} for an authenticated caller", where, lostContext);
				yield error(builders, ErrorType.INTERNAL_ERROR, RequestErrorCode.INTERNAL_ERROR.name(),
						"Internal error; it has been logged with this request's id");
			}
			// tenant moves (issue 14, ADR 0174): a write inside a move's read-only window
			case Throwable moving when TenantClusters.refusedByMoveWindow(moving) -> builders.get()
				.errorType(UNAVAILABLE)
				.message("The tenant is being moved to another cluster; writes are refused for a short while, "
						+ "retry in a few seconds")
				.extensions(Map.of("code", ErrorCode.TENANT_MOVING.name(), "retryable", true, "retryAfterSeconds",
						RETRY_AFTER_SECONDS))
				.build();
			case Throwable outage when DatabaseOutage.causedBy(outage) -> {
				// one line: an outage fails every request until it ends
				log.warn("Database unavailable in {}: {}", where, outage.toString());
				yield builders.get()
					.errorType(UNAVAILABLE)
					.message("The database is unavailable; retry in a few seconds")
					.extensions(Map.of("code", ErrorCode.DATABASE_UNAVAILABLE.name(), "retryable", true,
							"retryAfterSeconds", RETRY_AFTER_SECONDS))
					.build();
			}
			default -> {
				log.error("Unexpected failure in {}", where, ex);
				yield error(builders, ErrorType.INTERNAL_ERROR, RequestErrorCode.INTERNAL_ERROR.name(),
						"Internal error; it has been logged with this request's id");
			}
		};
	}

	private static List<Map<String, Object>> fields(InvalidInputException invalid) {
		return invalid.errors().stream().map((fieldError) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("field", fieldError.field());
			entry.put("code", fieldError.code().name());
			entry.put("message", fieldError.message());
			return entry;
		}).toList();
	}

	/**
	 * Whether the request's caller is authenticated, judged from the request's context
	 * (restored while resolving), not from the thread whose check failed.
	 */
	private static boolean callerAuthenticated() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static GraphQLError authenticationRequired(Supplier<GraphqlErrorBuilder<?>> builders) {
		return error(builders, ErrorType.UNAUTHORIZED, RequestErrorCode.UNAUTHENTICATED.name(),
				"Authentication is required");
	}

	private static GraphQLError error(Supplier<GraphqlErrorBuilder<?>> builders, ErrorType type, String code,
			String message) {
		return builders.get().errorType(type).message(message).extensions(Map.of("code", code)).build();
	}

}
