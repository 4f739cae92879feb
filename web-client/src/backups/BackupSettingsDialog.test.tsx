import { fireEvent, screen } from '@testing-library/react';
import { type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { renderWithClient } from '../test/withClient';
import { BackupSettingsDialog } from './BackupSettingsDialog';

const OFF = { enabled: false, intervalMinutes: 1440, keepLast: 30, keepDays: 90, includeSensitive: false, binary: true };

/** A client whose `setBackupSettings` answers `payload`, remembering what it was sent. */
function saving(payload: object) {
  const sent: Record<string, unknown>[] = [];
  const client = {
    executeMutation: (request: { variables: { input: Record<string, unknown> } }) => {
      sent.push(request.variables.input);
      return fromValue({ data: { setBackupSettings: payload }, stale: false, hasNext: false });
    },
  } as unknown as Client;
  return { client, sent };
}

describe('BackupSettingsDialog', () => {
  it('turns on scheduled backups with the interval given in hours', async () => {
    const onSaved = vi.fn();
    const { client, sent } = saving({ settings: { ...OFF, enabled: true, intervalMinutes: 360 }, errors: [] });
    renderWithClient(client, <BackupSettingsDialog settings={OFF} onClose={() => undefined} onSaved={onSaved} />);

    fireEvent.click(screen.getByRole('switch', { name: 'Back up every router on schedule' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Every (hours)' }), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(sent).toEqual([{ ...OFF, enabled: true, intervalMinutes: 360 }]);
  });

  it("shows the API's validation errors on their fields and stays open", async () => {
    const onSaved = vi.fn();
    const { client } = saving({
      settings: null,
      errors: [
        { field: 'intervalMinutes', code: 'VALIDATION_FAILED', message: 'The interval must be between 15 minutes and 31 days' },
        { field: 'keepLast', code: 'VALIDATION_FAILED', message: 'Keep between 1 and 1000 backups per router' },
      ],
    });
    renderWithClient(client, <BackupSettingsDialog settings={OFF} onClose={() => undefined} onSaved={onSaved} />);

    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }));

    expect(await screen.findByText('The interval must be between 15 minutes and 31 days')).toBeInTheDocument();
    expect(screen.getByText('Keep between 1 and 1000 backups per router')).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
