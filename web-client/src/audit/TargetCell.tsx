import { Text } from '@mantine/core';
import type { CommandTargetKind } from '../gql/graphql';

const KIND_WORDS: Record<CommandTargetKind, string> = {
  SUBSCRIBER: 'subscriber',
  PROFILE: 'profile',
  POOL: 'address pool',
  INTERFACE: 'interface',
  FILE: 'file',
  IDENTITY: 'router name',
};

/**
 * What a command acted on: its name, and under it what sort of item it is, so a profile's or pool's name is never read
 * as a subscriber's. A command on no one item (a full read, a platform check) shows nothing.
 */
export function TargetCell({ target }: { target: { kind: CommandTargetKind; name: string } | null | undefined }) {
  if (!target) {
    return null;
  }
  return (
    <>
      <Text size="sm">{target.name}</Text>
      <Text size="xs" c="dimmed">
        {KIND_WORDS[target.kind]}
      </Text>
    </>
  );
}
