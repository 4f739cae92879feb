import { useCallback, useEffect, useState } from 'react';

// A form's values kept in session storage while it is being filled in: a dropped network, an expired session or a
// reload after signing in again loses nothing. Cleared when the form is saved.

export function useDraft<T extends object>(key: string, initial: T): [T, (next: Partial<T>) => void, () => void] {
  const storageKey = `towerline.draft.${key}`;
  const [values, setValues] = useState<T>(() => {
    const raw = sessionStorage.getItem(storageKey);
    return raw ? { ...initial, ...(JSON.parse(raw) as Partial<T>) } : initial;
  });

  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(values));
  }, [storageKey, values]);

  const update = useCallback((next: Partial<T>) => setValues((current) => ({ ...current, ...next })), []);
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setValues(initial);
    // `initial` is a fresh object per render of the caller; only the key identifies the draft
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
  return [values, update, clear];
}
