import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MeProvider } from '../auth/Me';
import { answering, renderWithClient } from '../test/withClient';
import { BackupsPanel } from './BackupsPanel';

function backup(id: string, size: number) {
  return {
    id,
    kind: 'EXPORT',
    takenAt: '2026-11-27T06:00:00Z',
    size,
    hash: id,
    changed: true,
    sensitive: false,
    routerVersion: '7.16',
    requestedBy: 'ops',
    downloadPath: `/backups/${id}`,
  };
}

function schedule(enabled: boolean) {
  return { enabled, intervalMinutes: 360, keepLast: 30, keepDays: 90, includeSensitive: false, binary: true };
}

/** A router without backups, shown to a tenant admin, under a schedule that is on or off. */
function noBackups(enabled: boolean) {
  const router = { id: 'r1', name: 'core-1', backups: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };
  const me = { subject: 'ada', tenant: 'acme', roles: ['TENANT_ADMIN'] };
  renderWithClient(
    answering({ router, backupSettings: schedule(enabled), me }),
    <MeProvider>
      <BackupsPanel routerId="r1" />
    </MeProvider>,
  );
}

function sizesShown(sizes: number[]): string[] {
  const router = { id: 'r1', name: 'core-1', backups: { edges: sizes.map((size, i) => ({ node: backup(`b${i}`, size) })), pageInfo: { hasNextPage: false, endCursor: null } } };
  renderWithClient(answering({ router, backupSettings: schedule(false) }), <BackupsPanel routerId="r1" />);
  return screen.getAllByTestId('backup-row').map((row) => row.querySelectorAll('td')[3]?.textContent ?? '');
}

describe('BackupsPanel', () => {
  it('names the 1,024-based sizes of backups KiB and MiB, not KB and MB', () => {
    expect(sizesShown([512, 1536, 3 * 1024 * 1024 + 512 * 1024])).toEqual(['512 B', '1.50 KiB', '3.50 MiB']);
  });

  it('lets a tenant admin turn on scheduled backups where a router without backups suggests it', async () => {
    noBackups(false);
    expect(screen.getByText(/Scheduled backups are off/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on scheduled backups' }));
    expect(await screen.findByRole('dialog', { name: 'Scheduled backups' })).toBeInTheDocument();
  });

  it('does not suggest turning on a schedule that is on, and says how often it runs', () => {
    noBackups(true);
    expect(screen.queryByRole('button', { name: 'Turn on scheduled backups' })).not.toBeInTheDocument();
    expect(screen.getByText('Scheduled every 6 hours')).toBeInTheDocument();
  });
});
