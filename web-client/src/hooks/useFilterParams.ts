import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { idOf, oneOf } from './urlValues';

/**
 * A list's filters kept in the URL, so a filtered page is a deep link and back undoes a filter. Reading is checked
 * (`urlValues`): `choice` is one of the page's options or null, `id` an id-shaped value or null, `text` free text;
 * `set` changes one (empty removes it) and starts again at the first page (cursors belong to their filters).
 */
export function useFilterParams(options: { replace?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const replace = options.replace ?? false;
  // the same function until the URL changes, so an element built with it is rebuilt only then
  const set = useCallback(
    (key: string, value: string | null) => {
      const next = new URLSearchParams(params);
      next.delete('after');
      next.delete('before');
      if (value) next.set(key, value);
      else next.delete(key);
      setParams(next, { replace });
    },
    [params, setParams, replace],
  );
  return {
    choice: <T extends string>(key: string, allowed: readonly T[]) => oneOf(params.get(key), allowed),
    id: (key: string) => idOf(params.get(key)),
    text: (key: string) => params.get(key) ?? '',
    set,
  };
}
