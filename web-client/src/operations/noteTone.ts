export type NoteTone = 'failure' | 'warning' | 'success';

export const NOTE_COLORS: Record<NoteTone, string> = { failure: 'red', warning: 'yellow', success: 'green' };

/**
 * How the operation's note reads: `lastError` is the last failure, or a note on success ("Took 1 backup"), which
 * is a warning only when some of the work failed; while the operation runs it is the failure of the last try.
 */
export function noteTone(operation: { status: string; progressFailed: number }): NoteTone {
  if (operation.status === 'FAILED') {
    return 'failure';
  }
  return operation.status === 'SUCCEEDED' && operation.progressFailed === 0 ? 'success' : 'warning';
}
