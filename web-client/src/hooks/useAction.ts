import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { CombinedError, OperationResult } from 'urql';
import { describeError, payloadSummary, type FieldProblem } from '../api/errors';

interface Outcome {
  ok: boolean;
  fieldErrors: readonly FieldProblem[];
}

/**
 * Runs a mutation with visible progress and outcome: a pending notification that turns into success or a human
 * message for the error (payload errors, extensions.code, rate limiting with its wait).
 */
export function useAction() {
  const [running, setRunning] = useState(false);
  const run = useCallback(
    async <T>(
      label: string,
      execute: () => Promise<OperationResult<T>>,
      errorsOf: (data: T) => readonly FieldProblem[],
      success: string,
    ): Promise<Outcome & { data?: T }> => {
      const id = notifications.show({ loading: true, title: label, message: 'Working…', autoClose: false });
      setRunning(true);
      try {
        const result = await execute();
        if (result.error) {
          fail(id, label, result.error);
          return { ok: false, fieldErrors: [] };
        }
        const data = result.data as T;
        const errors = errorsOf(data);
        if (errors.length) {
          notifications.update({ id, loading: false, color: 'red', title: label, message: payloadSummary(errors), autoClose: 8000 });
          return { ok: false, fieldErrors: errors, data };
        }
        notifications.update({ id, loading: false, color: 'green', title: label, message: success, autoClose: 4000 });
        return { ok: true, fieldErrors: [], data };
      } finally {
        setRunning(false);
      }
    },
    [],
  );
  return { run, running };
}

function fail(id: string, label: string, error: CombinedError) {
  const problem = describeError(error);
  notifications.update({ id, loading: false, color: 'red', title: label, message: problem.message, autoClose: 10000 });
}
