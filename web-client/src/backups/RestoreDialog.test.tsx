import { fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Client, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { RestoreDialog, type RestorableBackup } from './RestoreDialog';

// never reached: the tests stop before the mutation is sent
const client = new Client({ url: 'http://127.0.0.1:9/graphql', exchanges: [] });

function open(backup: RestorableBackup) {
  render(
    <MantineProvider>
      <Provider value={client}>
        <RestoreDialog routerName="core-1" backup={backup} onClose={() => undefined} onStarted={() => undefined} />
      </Provider>
    </MantineProvider>,
  );
}

describe('RestoreDialog', () => {
  it('says a binary backup reboots the router and waits for the exact confirmation', () => {
    open({ id: 'b1', kind: 'BINARY', takenAt: '2026-11-27T06:00:00Z' });
    expect(screen.getByText('The router reboots')).toBeInTheDocument();
    const restore = screen.getByRole('button', { name: 'Restore and reboot' });
    expect(restore).toBeDisabled();
    const confirmation = screen.getByLabelText('Type RESTORE core-1 to go ahead');
    for (const wrong of ['RESTORE', 'restore core-1', 'RESTORE core-2', 'RESTORE core-1 ']) {
      fireEvent.change(confirmation, { target: { value: wrong } });
      expect(restore).toBeDisabled();
    }
    fireEvent.change(confirmation, { target: { value: 'RESTORE core-1' } });
    expect(restore).toBeEnabled();
  });

  it('does not claim a reboot for an export, which is imported on the running router', () => {
    open({ id: 'e1', kind: 'EXPORT', takenAt: '2026-11-27T06:00:00Z' });
    expect(screen.queryByText('The router reboots')).not.toBeInTheDocument();
    expect(screen.getByText('The configuration is imported on the running router')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore' })).toBeDisabled();
  });
});
