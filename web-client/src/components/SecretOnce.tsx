import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';

/** A secret the server shows exactly once: copy it now, it cannot be read again. */
export function SecretOnce({ label, value }: { label: string; value: string }) {
  return (
    <Alert color="yellow" title={label} role="status">
      <Text size="sm" mb="xs">
        Copy it now: it is shown only this once and cannot be read again.
      </Text>
      <Group>
        <Code fz="sm" data-testid="secret">
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
