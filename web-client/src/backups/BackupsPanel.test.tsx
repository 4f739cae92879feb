import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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

function sizesShown(sizes: number[]): string[] {
  const router = { id: 'r1', name: 'core-1', backups: { edges: sizes.map((size, i) => ({ node: backup(`b${i}`, size) })), pageInfo: { hasNextPage: false, endCursor: null } } };
  renderWithClient(answering({ router }), <BackupsPanel routerId="r1" />);
  return screen.getAllByTestId('backup-row').map((row) => row.querySelectorAll('td')[3]?.textContent ?? '');
}

describe('BackupsPanel', () => {
  it('names the 1,024-based sizes of backups KiB and MiB, not KB and MB', () => {
    expect(sizesShown([512, 1536, 3 * 1024 * 1024 + 512 * 1024])).toEqual(['512 B', '1.50 KiB', '3.50 MiB']);
  });
});
