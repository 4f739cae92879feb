package io.towerline.api.graphql;

/**
 * The gateway's own {@code extensions.code} values: a request that cannot be read, a
 * caller who may not ask, an error graphql-java raises. Domain outcomes are
 * {@code ErrorCode}s, the gateway's limits {@code LimitCode}s; {@link ClientErrorCodes}
 * joins the three. Clients match on these: never rename one, only add.
 */
public enum RequestErrorCode {

	/** An ID argument or input field that is not a UUID as written. */
	INVALID_ID,

	/** Another argument that cannot be read. */
	INVALID_ARGUMENT,

	/** A cursor this API did not hand out. */
	INVALID_CURSOR,

	/** A connection asked for without {@code first} or {@code last}. */
	PAGE_SIZE_REQUIRED,

	/** {@code first}/{@code last} outside 1–100. */
	PAGE_SIZE_INVALID,

	/** The HTTP body is not a GraphQL request (HTTP 400). */
	INVALID_REQUEST_BODY,

	/** Another HTTP-level problem with the request. */
	INVALID_REQUEST,

	/** A GraphQL request sent with a method other than POST (HTTP 405). */
	METHOD_NOT_ALLOWED,

	/** A content type other than JSON (HTTP 415). */
	UNSUPPORTED_MEDIA_TYPE,

	/** No valid access token, or it has ended. */
	UNAUTHENTICATED,

	/** The caller's role does not allow the operation. */
	FORBIDDEN,

	/** A request graphql-java refused without a more precise code. */
	BAD_REQUEST,

	/** The document is not valid GraphQL syntax. */
	GRAPHQL_PARSE_FAILED,

	/** The document does not validate against the schema. */
	GRAPHQL_VALIDATION_FAILED,

	/** The operation type is not supported here. */
	OPERATION_NOT_SUPPORTED,

	/** Execution was aborted. */
	EXECUTION_ABORTED,

	/** A fault on our side; the log has the details. */
	INTERNAL_ERROR,

	/** A local token was asked for from another host. */
	LOCAL_TOKEN_NOT_LOCAL,

	/** A local token was asked for through a proxy. */
	LOCAL_TOKEN_FORWARDED,

	/** A local token was asked for under a host name other than localhost. */
	LOCAL_TOKEN_HOST,

	/** A local token was asked for by a web page. */
	LOCAL_TOKEN_BROWSER,

	/** A local token was asked for without its secret header. */
	LOCAL_TOKEN_SECRET_REQUIRED

}
