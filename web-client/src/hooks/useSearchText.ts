import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A search box kept in the URL (`q`), so a search is a deep link: `typed` follows the box at once, `text` — what the
 * query uses — follows it once the user pauses typing. A new search starts from the first page.
 */
export function useSearchText(pauseMillis = 250) {
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const [typed, setTyped] = useState(text);
  useEffect(() => {
    if (typed === text) return;
    const timer = window.setTimeout(() => {
      const next = new URLSearchParams(params);
      next.delete('after');
      next.delete('before');
      const value = typed.trim();
      if (value) next.set('q', value);
      else next.delete('q');
      setParams(next, { replace: true });
    }, pauseMillis);
    return () => window.clearTimeout(timer);
  });
  return { text, typed, setTyped };
}
