import { Badge } from '@mantine/core';
import { asWords } from './words';

const COLORS: Record<string, string> = {
  ACTIVE: 'green',
  ONLINE: 'green',
  SUCCEEDED: 'green',
  IN_SYNC: 'green',
  COMPLETED: 'green',
  PENDING: 'blue',
  QUEUED: 'blue',
  RUNNING: 'blue',
  PROVISIONING: 'blue',
  OPEN: 'orange',
  WAITING_FOR_ROUTER: 'orange',
  SUSPENDED: 'orange',
  UNKNOWN: 'gray',
  DISABLED: 'gray',
  SUPERSEDED: 'gray',
  IGNORED: 'gray',
  FAILED: 'red',
  UNREACHABLE: 'red',
  AUTH_FAILED: 'red',
  // network operations view (issue 13): alerts and deliveries
  ACKNOWLEDGED: 'blue',
  RESOLVED: 'green',
  SENT: 'green',
  UNDELIVERABLE: 'red',
  OPTED_OUT: 'gray',
};

export function StatusBadge({ value }: { value: string }) {
  return (
    <Badge color={COLORS[value] ?? 'gray'} variant="light">
      {asWords(value)}
    </Badge>
  );
}
