// Authorization code + PKCE for a public client, against the embedded authorization server (same origin) or the
// external issuer named in /config.json.

export interface ClientConfig {
  /** External issuer, or null for the embedded authorization server at this origin. */
  issuer: string | null;
  clientId: string;
  scope: string;
}

export interface Endpoints {
  authorization: string;
  token: string;
  endSession: string | null;
}

export interface Tokens {
  accessToken: string;
  idToken: string | null;
  /** Epoch milliseconds. */
  expiresAt: number;
}

interface PendingSignIn {
  state: string;
  verifier: string;
  returnTo: string;
}

const TOKENS_KEY = 'towerline.tokens';
const PENDING_KEY = 'towerline.signin';
// the id token outlives the access token (an expired or refused session drops only the latter): it is the hint that
// lets "Sign out" end the session at the identity provider, without which the next visit signed straight back in
const ID_TOKEN_HINT_KEY = 'towerline.signout.hint';
const SIGN_OUT_STATE_KEY = 'towerline.signout.state';
export const CALLBACK_PATH = '/auth/callback';
/** Where the identity provider sends the browser after signing it out; it never starts a sign-in by itself. */
export const SIGNED_OUT_PATH = '/signed-out';

export async function loadClientConfig(): Promise<ClientConfig> {
  const response = await fetch('/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`The server's sign-in settings could not be read (HTTP ${response.status}).`);
  }
  return (await response.json()) as ClientConfig;
}

export async function discoverEndpoints(config: ClientConfig): Promise<Endpoints> {
  if (config.issuer === null) {
    // The embedded server's endpoints, same-origin: no CORS, and the loopback host the page runs on is kept.
    return { authorization: '/oauth2/authorize', token: '/oauth2/token', endSession: '/connect/logout' };
  }
  const response = await fetch(`${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`The identity provider ${config.issuer} could not be reached (HTTP ${response.status}).`);
  }
  const doc = (await response.json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
    end_session_endpoint?: string;
  };
  return {
    authorization: doc.authorization_endpoint,
    token: doc.token_endpoint,
    endSession: doc.end_session_endpoint ?? null,
  };
}

export function redirectUri(): string {
  return `${window.location.origin}${CALLBACK_PATH}`;
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((b) => (text += String.fromCharCode(b)));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export async function beginSignIn(config: ClientConfig, endpoints: Endpoints, returnTo: string): Promise<void> {
  const pending: PendingSignIn = { state: randomString(), verifier: randomString(), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope,
    state: pending.state,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  });
  window.location.assign(`${endpoints.authorization}?${params.toString()}`);
}

// the callback being finished: React runs the start-up effect twice in development, and the second run found the
// pending sign-in already taken by the first ("stale or was not started here") — `npm run dev` could not sign in
let completing: { search: string; result: Promise<string> } | null = null;

/** Finishes a sign-in on the callback route, once per callback however often asked; returns where the user was going. */
export function completeSignIn(config: ClientConfig, endpoints: Endpoints, search: string): Promise<string> {
  if (completing?.search !== search) {
    completing = { search, result: finishSignIn(config, endpoints, search) };
  }
  return completing.result;
}

async function finishSignIn(config: ClientConfig, endpoints: Endpoints, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const error = params.get('error');
  if (error) {
    throw new Error(params.get('error_description') ?? `Sign-in was refused (${error}).`);
  }
  const pending = raw ? (JSON.parse(raw) as PendingSignIn) : null;
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) {
    throw new Error('This sign-in link is stale or was not started here. Sign in again.');
  }
  const response = await fetch(endpoints.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`The identity provider refused the sign-in (HTTP ${response.status}). Sign in again.`);
  }
  const body = (await response.json()) as { access_token: string; id_token?: string; expires_in?: number };
  if (body.id_token) {
    sessionStorage.setItem(ID_TOKEN_HINT_KEY, body.id_token);
  }
  storeTokens({
    accessToken: body.access_token,
    idToken: body.id_token ?? null,
    expiresAt: Date.now() + (body.expires_in ?? 300) * 1000,
  });
  return pending.returnTo;
}

export function storeTokens(tokens: Tokens): void {
  sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
}

export function readTokens(): Tokens | null {
  const raw = sessionStorage.getItem(TOKENS_KEY);
  return raw ? (JSON.parse(raw) as Tokens) : null;
}

export function clearTokens(): void {
  sessionStorage.removeItem(TOKENS_KEY);
}

/**
 * Ends the session here and at the identity provider, which then sends the browser to the signed-out page (with the
 * state sent here). Also after the access token was dropped: the id token is kept apart for this. Never lands on a
 * page that starts a sign-in, which would sign a user whose provider session survived straight back in.
 */
export function signOut(config: ClientConfig, endpoints: Endpoints): void {
  const hint = sessionStorage.getItem(ID_TOKEN_HINT_KEY) ?? readTokens()?.idToken ?? null;
  clearTokens();
  sessionStorage.removeItem(ID_TOKEN_HINT_KEY);
  const signedOut = `${window.location.origin}${SIGNED_OUT_PATH}`;
  if (endpoints.endSession && hint) {
    const state = randomString();
    sessionStorage.setItem(SIGN_OUT_STATE_KEY, state);
    const params = new URLSearchParams({
      id_token_hint: hint,
      client_id: config.clientId,
      post_logout_redirect_uri: signedOut,
      state,
    });
    window.location.assign(`${endpoints.endSession}?${params.toString()}`);
  } else {
    window.location.assign(signedOut);
  }
}

/**
 * On the signed-out page: whether the identity provider confirmed the sign-out this tab asked for (it came back with
 * that request's state). Read once.
 */
export function confirmSignOut(search: string): boolean {
  const expected = sessionStorage.getItem(SIGN_OUT_STATE_KEY);
  sessionStorage.removeItem(SIGN_OUT_STATE_KEY);
  return expected !== null && new URLSearchParams(search).get('state') === expected;
}
