import type { CombinedError } from 'urql';
import type { UserErrorCode } from '../gql/graphql';

// Every code the API can return, with a message people understand and, where they can act, what to do.
// Payload codes (UserErrorCode) are checked exhaustively by the compiler; extensions.code values by a test that reads
// the server's enums.

export const USER_ERROR_MESSAGES: Record<UserErrorCode, string> = {
  NOT_FOUND: 'It no longer exists: someone may have deleted it. Reload the list.',
  VALIDATION_FAILED: 'Some values are missing or not valid. Check the highlighted fields.',
  DUPLICATE: 'That name is already taken. Choose another one.',
  CONCURRENT_MODIFICATION: 'Someone changed this at the same time. Reload it and make your change again.',
  INVALID_STATE: 'This cannot be done in its current state.',
  INVALID_TENANT_SLUG:
    'The slug must start with a letter and have 3–40 lower-case letters, digits or hyphens.',
  TENANT_REQUIRED: 'This needs an ISP account; platform admins cannot do it.',
  TENANT_UNKNOWN: 'The ISP account is not known.',
  TENANT_SUSPENDED: 'The ISP account is suspended. Ask the platform operator to reactivate it.',
  TENANT_UNAVAILABLE: 'The ISP account is not available right now. Try again in a minute.',
  DATABASE_UNAVAILABLE: 'The database cannot be reached right now. Check whether your change was saved, then retry.',
  ROUTER_AUTH_FAILED: 'The router refused the username or password. Check the credentials on the router.',
  ROUTER_TLS_UNTRUSTED:
    "The router's TLS certificate is not trusted. Pin its fingerprint or install a certificate from a trusted CA.",
  ROUTER_UNREACHABLE: 'The router could not be reached at that host and port. Check the address and that the API service is on.',
  CONFIRMATION_MISMATCH: 'The confirmation does not match. Type it exactly as shown to go ahead.',
  BACKUP_RESTORE_UNAVAILABLE:
    'Restores are switched off: the platform does not know the address routers reach it at. Ask the operator to set it.',
  // reports (issue 13)
  REPORT_PERIOD_INVALID: 'The period must end after it starts, and must not start in the future.',
  REPORT_PERIOD_TOO_LONG: 'The period is too long for one report (at most a year). Choose a shorter period.',
  REPORTS_BUSY: 'Several reports are already being generated. Wait until one has finished, then try again.',
  REPORT_NOT_READY: 'This report is not ready yet: it is still being generated, or generation failed.',
  // backups (issue 11)
  BACKUP_RESTORE_UNREACHABLE:
    'This router cannot reach the address the platform would send it to. Ask the operator to set the address routers reach the platform at.',
  // tenant placement (issue 14)
  UNKNOWN_CLUSTER: 'No database cluster of that name is configured.',
  TENANT_MOVING: 'This account is being moved to another database cluster; changes are paused for a few seconds. Try again shortly.',
  // router connection checks (ADR 0212)
  ROUTER_CHECKS_EXHAUSTED: 'Too many router connection checks in a short time. Wait a minute, then try again.',
  // report generation that failed or died (ADR 0223)
  REPORT_GENERATION_FAILED: 'This report could not be generated. Ask for it again; if it fails again, tell support.',
  REPORT_GENERATION_ABANDONED: 'This report\'s generation was interrupted every time it was tried. Ask for it again.',
};

export const EXTENSION_MESSAGES: Record<string, string> = {
  ...USER_ERROR_MESSAGES,
  RATE_LIMITED: 'Too many requests for your account right now.',
  MAX_COST_EXCEEDED: 'This request asks for too much at once. Show fewer rows per page.',
  MAX_DEPTH_EXCEEDED: 'This request is nested too deeply.',
  MAX_ALIASES_EXCEEDED: 'This request uses too many aliases.',
  MAX_TOKENS_EXCEEDED: 'This request is too long.',
  INTROSPECTION_DISABLED: 'Schema introspection is switched off on this server.',
  PERSISTED_QUERY_NOT_ALLOWED: 'This server only accepts the requests of approved applications. Update the app.',
  PAYLOAD_TOO_LARGE: 'What you sent is too large. Split it into smaller parts (for CSV: at most 10,000 rows).',
  SUBSCRIPTION_LIMIT_EXCEEDED: 'Too many live views are open for your account. Close some tabs and reload.',
  TENANT_CONCURRENCY_EXCEEDED: 'Your account is already running as much work as it may. Try again in a moment.',
  INVALID_ID: 'A link or reference is broken. Go back to the list and open the item again.',
  INVALID_ARGUMENT: 'A value in the request could not be read.',
  INVALID_CURSOR: 'The list changed under you. Go back to the first page.',
  PAGE_SIZE_REQUIRED: 'The app asked for a list without a page size. Reload the app.',
  PAGE_SIZE_INVALID: 'A page can hold 1 to 100 rows.',
  INVALID_REQUEST_BODY: 'The server could not read the request. Reload the app.',
  INVALID_REQUEST: 'The server could not read the request. Reload the app.',
  METHOD_NOT_ALLOWED: 'The server could not read the request. Reload the app.',
  UNSUPPORTED_MEDIA_TYPE: 'The server could not read the request. Reload the app.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again; what you typed is kept.',
  FORBIDDEN: 'Your role does not allow this. Ask an administrator of your account.',
  BAD_REQUEST: 'The server refused the request. Reload the app.',
  GRAPHQL_PARSE_FAILED: 'The server could not read the request. Reload the app (it may have been updated).',
  GRAPHQL_VALIDATION_FAILED: 'The app is out of date with the server. Reload the page.',
  OPERATION_NOT_SUPPORTED: 'The server does not support this request.',
  EXECUTION_ABORTED: 'The request was stopped before it finished. Try again.',
  INTERNAL_ERROR: 'Something went wrong on our side. Try again; if it keeps happening, tell support the time.',
  LOCAL_TOKEN_NOT_LOCAL: 'Local tokens are only handed out on the machine running Towerline.',
  LOCAL_TOKEN_FORWARDED: 'Local tokens are not handed out through a proxy.',
  LOCAL_TOKEN_HOST: 'Local tokens are only handed out on localhost.',
  LOCAL_TOKEN_BROWSER: 'Local tokens are not handed out to web pages.',
  LOCAL_TOKEN_SECRET_REQUIRED: 'Local tokens need the secret from the data directory.',
};

export interface ApiProblem {
  code: string;
  message: string;
  /** Seconds to wait before retrying, when the server said so. */
  retryAfterSeconds: number | null;
  /** Whether the user must sign in again. */
  signInAgain: boolean;
}

export function messageForCode(code: string, fallback?: string): string {
  return EXTENSION_MESSAGES[code] ?? fallback ?? `The server answered with an unexpected error (${code}).`;
}

function retryAfter(error: CombinedError): number | null {
  const header = error.response instanceof Response ? error.response.headers.get('Retry-After') : null;
  if (header && /^\d+$/.test(header)) {
    return Number(header);
  }
  for (const graphQLError of error.graphQLErrors) {
    const seconds = graphQLError.extensions?.retryAfterSeconds;
    if (typeof seconds === 'number') {
      return seconds;
    }
  }
  return null;
}

/** One human problem for a failed request (network, HTTP status or GraphQL error). */
export function describeError(error: CombinedError): ApiProblem {
  const status = error.response instanceof Response ? error.response.status : null;
  const first = error.graphQLErrors[0];
  const code = (typeof first?.extensions?.code === 'string' ? first.extensions.code : null)
    ?? (status === 401 ? 'UNAUTHENTICATED' : status === 429 ? 'RATE_LIMITED' : status === 403 ? 'FORBIDDEN' : null);
  const wait = retryAfter(error);
  if (code) {
    let message = messageForCode(code, first?.message);
    if (wait !== null) {
      message += ` Try again in ${wait} s.`;
    }
    return { code, message, retryAfterSeconds: wait, signInAgain: code === 'UNAUTHENTICATED' };
  }
  if (error.networkError) {
    return {
      code: 'NETWORK',
      message: 'The server cannot be reached. Check your connection; nothing you typed is lost.',
      retryAfterSeconds: null,
      signInAgain: false,
    };
  }
  return { code: 'UNKNOWN', message: error.message, retryAfterSeconds: null, signInAgain: false };
}

export interface FieldProblem {
  field: string | null;
  code: UserErrorCode;
  message: string;
}

/** Field name → message, for a form; the server's own message is kept (it names the value at fault). */
export function fieldErrors(errors: readonly FieldProblem[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const key = error.field ?? '_form';
    byField[key] = error.message || USER_ERROR_MESSAGES[error.code];
  }
  return byField;
}

/**
 * A sentence for payload errors (for a notification). An error on a field keeps the code's sentence (it points at the
 * highlighted field) with the server's words; one on no field — a CSV line, a state — is the server's own message,
 * which names what is wrong, without a sentence pointing at fields nobody highlighted.
 */
export function payloadSummary(errors: readonly FieldProblem[]): string {
  const first = errors[0];
  if (!first) {
    return '';
  }
  if (first.field === null && first.message) {
    return first.message;
  }
  return `${USER_ERROR_MESSAGES[first.code]}${first.message ? ` (${first.message})` : ''}`;
}
