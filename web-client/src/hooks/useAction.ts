import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { CombinedError, OperationResult } from 'urql';
import { describeError, payloadSummary, type FieldProblem } from '../api/errors';

interface Outcome {
  ok: boolean;
  fieldErrors: readonly FieldProblem[];
}

/** The failure notice still on screen per action label, taken down when that action is tried again. */
const failureShown = new Map<string, string>();

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
      // a failure of the last try stays on screen for a while; once the action is tried again it no longer applies
      const earlier = failureShown.get(label);
      if (earlier) {
        notifications.hide(earlier);
        failureShown.delete(label);
      }
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
          failureShown.set(label, id);
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
  failureShown.set(label, id);
}
