import { useState } from 'react';
import type { OperationResult } from 'urql';
import { fieldErrors, type FieldProblem } from '../api/errors';
import { useAction } from './useAction';
import { useDraft } from './useDraft';

interface CreateAction<V, T> {
  /** The action's name in its progress notice ("Create plan"). */
  label: string;
  send: (values: V) => Promise<OperationResult<T>>;
  errorsOf: (data: T) => readonly FieldProblem[];
  /** The success notice for what was sent. */
  success: (values: V) => string;
  /** After a success, once the draft is cleared: close the dialog, show what the payload brought. */
  onCreated: (data: T, values: V) => void;
}

/**
 * The state of a "New …" dialog's form: its draft (kept when the dialog closes, `useDraft`), the field errors of the
 * last try, and a submit that runs the mutation visibly (`useAction`) and, when it succeeded, clears the draft.
 */
export function useCreateDraft<V extends object, T>(key: string, initial: V, action: CreateAction<V, T>) {
  const [values, update, clear] = useDraft(key, initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, running } = useAction();
  const submit = async () => {
    const outcome = await run(action.label, () => action.send(values), action.errorsOf, action.success(values));
    setErrors(fieldErrors(outcome.fieldErrors));
    if (outcome.ok && outcome.data !== undefined) {
      clear();
      action.onCreated(outcome.data, values);
    }
  };
  return { values, update, errors, running, submit };
}
