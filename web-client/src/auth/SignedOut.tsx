import { Button, Center, Stack, Text, Title } from '@mantine/core';

/**
 * The page the identity provider sends a browser to after signing it out. It starts no sign-in by itself: signing in
 * again is the user's choice, and then the provider asks for the password again.
 */
export function SignedOut({ confirmed, onSignIn }: { confirmed: boolean; onSignIn: () => void }) {
  return (
    <Center h="100vh">
      <Stack maw={420} align="center">
        <Title order={1} size="h3">
          {confirmed ? 'You have signed out' : 'You are signed out'}
        </Title>
        <Text c="dimmed" ta="center">
          Close this tab, or sign in again to go on.
        </Text>
        <Button onClick={onSignIn}>Sign in</Button>
      </Stack>
    </Center>
  );
}
