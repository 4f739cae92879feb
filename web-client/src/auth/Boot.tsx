import { useEffect, useState, type ReactNode } from 'react';
import { MantineProvider, Center, Loader, Alert, Button, Stack } from '@mantine/core';
import {
  beginSignIn,
  CALLBACK_PATH,
  completeSignIn,
  confirmSignOut,
  discoverEndpoints,
  loadClientConfig,
  readTokens,
  SIGNED_OUT_PATH,
  type ClientConfig,
  type Endpoints,
} from './oidc';
import { cssVariablesResolver, theme } from '../theme';
import { SignedOut } from './SignedOut';

export interface SignIn {
  config: ClientConfig;
  endpoints: Endpoints;
}

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'signedOut'; signIn: SignIn; confirmed: boolean }
  | { kind: 'ready'; signIn: SignIn };

/**
 * Reads the sign-in settings, finishes a sign-in on the callback route, or starts one; then renders the app. The
 * signed-out page starts none.
 */
export function Boot({ children }: { children: (signIn: SignIn) => ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const config = await loadClientConfig();
      const endpoints = await discoverEndpoints(config);
      if (window.location.pathname === SIGNED_OUT_PATH) {
        const confirmed = confirmSignOut(window.location.search);
        window.history.replaceState(null, '', SIGNED_OUT_PATH);
        if (!cancelled) {
          setState({ kind: 'signedOut', signIn: { config, endpoints }, confirmed });
        }
        return;
      }
      if (window.location.pathname === CALLBACK_PATH) {
        const returnTo = await completeSignIn(config, endpoints, window.location.search);
        window.history.replaceState(null, '', returnTo);
      } else if (!readTokens()) {
        await beginSignIn(config, endpoints, window.location.pathname + window.location.search);
        return;
      }
      if (!cancelled) {
        setState({ kind: 'ready', signIn: { config, endpoints } });
      }
    })().catch((error: unknown) => {
      if (!cancelled) {
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.kind === 'ready') {
    return children(state.signIn);
  }
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {state.kind === 'signedOut' ? (
        <SignedOut
          confirmed={state.confirmed}
          onSignIn={() => void beginSignIn(state.signIn.config, state.signIn.endpoints, '/')}
        />
      ) : (
        <Center h="100vh">
          {state.kind === 'loading' ? (
            <Loader aria-label="Signing in" />
          ) : (
            <Stack maw={480}>
              <Alert color="red" title="Sign-in failed" role="alert">
                {state.message}
              </Alert>
              <Button onClick={() => window.location.assign('/')}>Sign in again</Button>
            </Stack>
          )}
        </Center>
      )}
    </MantineProvider>
  );
}
