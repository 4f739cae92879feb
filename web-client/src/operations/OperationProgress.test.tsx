import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { answering, renderWithClient } from '../test/withClient';
import { OperationProgress } from './OperationProgress';
import { NOTE_COLORS, noteTone, type NoteTone } from './noteTone';

vi.mock('./noteTone', { spy: true });

function operation(status: string, lastError: string, progressFailed: number) {
  return {
    id: 'op-1',
    kind: 'BACKUP',
    status,
    attempts: 1,
    lastError,
    errorCode: null,
    waitReason: null,
    progressDone: 2,
    progressTotal: 2,
    progressFailed,
    finishedAt: null,
  };
}

function renderWith(read: ReturnType<typeof operation>) {
  renderWithClient(answering({ operation: read }), <OperationProgress id="op-1" label="Backup" />);
  return screen.getByText(read.lastError).closest('[data-tone]');
}

describe('OperationProgress', () => {
  it('shows a note on a clean success as a success, not as a warning', () => {
    expect(renderWith(operation('SUCCEEDED', 'Took 1 backup', 0))).toHaveAttribute('data-tone', 'success');
  });

  it('shows a success where part of the work failed as a warning', () => {
    expect(renderWith(operation('SUCCEEDED', 'Took 1 backup, 1 router failed', 1))).toHaveAttribute('data-tone', 'warning');
  });

  it('shows the last failed try of a running operation as a warning', () => {
    expect(renderWith(operation('RUNNING', 'router unreachable, next try soon', 0))).toHaveAttribute('data-tone', 'warning');
  });

  it('shows a failed operation as a failure', () => {
    expect(renderWith(operation('FAILED', 'ROUTER_COMMAND_REJECTED: no such item', 0))).toHaveAttribute('data-tone', 'failure');
  });

  it('colours the note by the tone it shows: the tone is read once a render', () => {
    // a tone that changes at every reading: two readings in one render would colour the note by another tone
    const readings: NoteTone[] = ['success', 'warning', 'failure'];
    let reading = 0;
    vi.mocked(noteTone).mockImplementation(() => readings[reading++ % readings.length]!);
    try {
      const note = renderWith(operation('SUCCEEDED', 'Took 1 backup', 0)) as HTMLElement;
      const tone = note.getAttribute('data-tone') as NoteTone;
      expect(note.getAttribute('style')).toContain(`--mantine-color-${NOTE_COLORS[tone]}-`);
    } finally {
      vi.mocked(noteTone).mockRestore();
    }
  });
});
