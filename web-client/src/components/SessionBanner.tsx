import { useSyncExternalStore } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { isExpired, onSessionChange } from '../auth/session';
import { beginSignIn } from '../auth/oidc';
import type { SignIn } from '../auth/Boot';

/**
 * Shown when the session ended: signing in again comes back to the same page, and forms keep what was typed (their
 * drafts live in session storage), so nothing is lost.
 */
export function SessionBanner({ signIn }: { signIn: SignIn }) {
  const expired = useSyncExternalStore(onSessionChange, isExpired);
  if (!expired) {
    return null;
  }
  return (
    <Alert color="yellow" role="alert" title="Session expired" mb="md">
      <Group justify="space-between">
        <Text size="sm">Your session has ended. Sign in again to continue; what you typed is kept.</Text>
        <Button
          size="xs"
          onClick={() =>
            void beginSignIn(signIn.config, signIn.endpoints, window.location.pathname + window.location.search)
          }
        >
          Sign in again
        </Button>
      </Group>
    </Alert>
  );
}
