import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeSignIn, readTokens } from './oidc';

const config = { issuer: 'http://127.0.0.1:8080', clientId: 'towerline-web', scope: 'openid' } as Parameters<typeof completeSignIn>[0];
const endpoints = { authorization: 'http://127.0.0.1:8080/oauth2/authorize', token: 'http://127.0.0.1:8080/oauth2/token' } as Parameters<typeof completeSignIn>[1];

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('completeSignIn', () => {
  it('finishes one callback once however often it is asked (React runs the start-up effect twice in development)', async () => {
    sessionStorage.setItem('towerline.signin', JSON.stringify({ state: 's-1', verifier: 'v-1', returnTo: '/routers' }));
    const token = vi.fn(async () => new Response(JSON.stringify({ access_token: 'at-1', expires_in: 600 }), { status: 200 }));
    vi.stubGlobal('fetch', token);

    const first = completeSignIn(config, endpoints, '?code=c-1&state=s-1');
    const second = completeSignIn(config, endpoints, '?code=c-1&state=s-1');

    await expect(first).resolves.toBe('/routers');
    await expect(second).resolves.toBe('/routers');
    expect(token).toHaveBeenCalledTimes(1);
    expect(readTokens()?.accessToken).toBe('at-1');
  });
});
