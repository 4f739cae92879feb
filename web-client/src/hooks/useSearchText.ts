import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A search box kept in the URL (`q`), so a search is a deep link: `typed` follows the box at once, `text` — what the
 * query uses — follows it once the user pauses typing, replacing the URL's entry rather than adding one a keystroke.
 * A new search starts from the first page; back and forward put the box back to the URL's search.
 */
export function useSearchText(pauseMillis = 250) {
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const [typed, setTyped] = useState(text);
  // the URL changed under the box (back, forward, a link): the box follows it, unless it is this box's own write
  const [seen, setSeen] = useState(text);
  if (text !== seen) {
    setSeen(text);
    if (text !== typed.trim()) setTyped(text);
  }
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
