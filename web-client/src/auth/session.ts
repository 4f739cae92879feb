import { clearTokens, readTokens } from './oidc';

// The signed-in session as the app sees it: expired when the token's lifetime is over or the API answered 401.
// Listeners re-render the banner that offers to sign in again (typed input stays in drafts).

type Listener = () => void;

let expired = false;
const listeners = new Set<Listener>();

export function accessToken(): string | null {
  const tokens = readTokens();
  if (!tokens) {
    return null;
  }
  if (tokens.expiresAt <= Date.now()) {
    markExpired();
    return null;
  }
  return tokens.accessToken;
}

export function markExpired(): void {
  if (!expired) {
    expired = true;
    clearTokens();
    listeners.forEach((listener) => listener());
  }
}

export function isExpired(): boolean {
  return expired;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Marks the session expired when the token's lifetime ends, even if the page is idle. */
export function watchExpiry(): () => void {
  const tokens = readTokens();
  if (!tokens) {
    return () => undefined;
  }
  const timer = window.setTimeout(markExpired, Math.max(0, tokens.expiresAt - Date.now()));
  return () => window.clearTimeout(timer);
}
