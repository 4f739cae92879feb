import { render, screen } from '@testing-library/react';
import { Boot } from './Boot';
import { beginSignIn, completeSignIn, confirmSignOut, signOut, type ClientConfig, type Endpoints } from './oidc';
import { markExpired } from './session';

const ORIGIN = 'http://127.0.0.1:8080';
const config: ClientConfig = { issuer: null, clientId: 'towerline-web', scope: 'openid profile' };
const endpoints: Endpoints = { authorization: '/oauth2/authorize', token: '/oauth2/token', endSession: '/connect/logout' };

function browserAt(path: string, search = '') {
  const assign = vi.fn<(url: string) => void>();
  vi.stubGlobal('location', { origin: ORIGIN, pathname: path, search, assign });
  return assign;
}

async function signedIn(idToken: string) {
  const assign = browserAt('/');
  await beginSignIn(config, endpoints, '/subscribers');
  const state = new URL(assign.mock.calls[0]?.[0] ?? '', ORIGIN).searchParams.get('state') ?? '';
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(Response.json({ access_token: 'access', id_token: idToken, expires_in: 600 }))),
  );
  await completeSignIn(config, endpoints, `?code=c&state=${state}`);
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('signOut', () => {
  it.each([
    ['while signed in', () => undefined],
    // the API refused the token or it ran out: the access token is gone, the provider session is not
    ['after the session expired', markExpired],
  ])('ends the session at the identity provider %s and comes back to the signed-out page', async (_, before) => {
    await signedIn('id-1');
    before();
    const assign = browserAt('/console');

    signOut(config, endpoints);

    const target = new URL(assign.mock.calls[0]?.[0] ?? '', ORIGIN);
    expect(target.pathname).toBe('/connect/logout');
    expect(target.searchParams.get('id_token_hint')).toBe('id-1');
    expect(target.searchParams.get('client_id')).toBe('towerline-web');
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/signed-out`);
    const state = target.searchParams.get('state');
    expect(state).toBeTruthy();
    expect(confirmSignOut(`?state=${state}`)).toBe(true);
    expect(confirmSignOut(`?state=${state}`)).toBe(false);
  });

  it('never goes to a page that would start a sign-in, even with no id token to end the provider session', () => {
    const assign = browserAt('/console');

    signOut(config, endpoints);

    expect(assign).toHaveBeenCalledWith(`${ORIGIN}/signed-out`);
  });

  it('forgets the id token once signed out', async () => {
    await signedIn('id-2');
    browserAt('/console');
    signOut(config, endpoints);
    const assign = browserAt('/signed-out');

    signOut(config, endpoints);

    expect(assign).toHaveBeenCalledWith(`${ORIGIN}/signed-out`);
  });
});

describe('the signed-out page', () => {
  it('starts no sign-in and offers one', async () => {
    sessionStorage.setItem('towerline.signout.state', 'S');
    const assign = browserAt('/signed-out', '?state=S');
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(Response.json(config))));

    render(<Boot>{() => <span>the app</span>}</Boot>);

    expect(await screen.findByRole('heading', { name: 'You have signed out' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('the app')).toBeNull();
    expect(assign).not.toHaveBeenCalled();
  });
});
