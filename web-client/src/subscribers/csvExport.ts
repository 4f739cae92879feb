// The full CSV export of the subscriber list (ADR 0145): the server streams every matching row; the browser reads the
// stream chunk by chunk for a progress figure and hands the chunks to a Blob (which the browser may keep on disk), so
// no row list is ever built in JavaScript.
import { accessToken, markExpired } from '../auth/session';

export interface ExportQuery {
  text?: string | null;
  status?: string | null;
  planId?: string | null;
  routerId?: string | null;
  lifecycleState?: string | null;
  orderBy?: string | null;
  descending?: boolean;
}

export interface ExportProgress {
  rows: number;
  total: number | null;
}

export function exportUrl(query: ExportQuery): string {
  const params = new URLSearchParams();
  Object.entries(query).forEach(([key, value]) => {
    if (value !== null && value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  });
  const search = params.toString();
  return `/exports/subscribers.csv${search ? `?${search}` : ''}`;
}

/** Counts line breaks outside quoted cells across chunks (a quoted cell may hold one). */
export function rowCounter() {
  let quoted = false;
  return (chunk: string): number => {
    let rows = 0;
    for (const char of chunk) {
      if (char === '"') quoted = !quoted;
      else if (char === '\n' && !quoted) rows++;
    }
    return rows;
  };
}

export async function downloadSubscribersCsv(query: ExportQuery, onProgress: (progress: ExportProgress) => void, signal?: AbortSignal): Promise<Blob> {
  const response = await fetch(exportUrl(query), {
    headers: { Authorization: `Bearer ${accessToken() ?? ''}` },
    signal,
  });
  if (response.status === 401) {
    markExpired();
    throw new Error('Your session has expired: sign in again, then export once more.');
  }
  if (response.status === 429) {
    // the export is charged to the account's request allowance like reading its rows (ADR 0182)
    const seconds = Number(response.headers.get('Retry-After'));
    throw new Error(`Too many requests for your account right now: export again in ${seconds > 0 ? `${seconds} s` : 'a moment'}.`);
  }
  if (!response.ok || !response.body) {
    throw new Error(response.status === 403 ? 'Your role may not export subscribers.' : `The export failed (HTTP ${response.status}); try again.`);
  }
  const totalHeader = response.headers.get('X-Total-Count');
  const total = totalHeader === null ? null : Number(totalHeader);
  const parts: Uint8Array[] = [];
  const decoder = new TextDecoder();
  const count = rowCounter();
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    lines += count(decoder.decode(value, { stream: true }));
    // the header line is not a subscriber
    onProgress({ rows: Math.max(0, lines - 1), total });
  }
  return new Blob(parts as BlobPart[], { type: 'text/csv' });
}

export function saveBlob(blob: Blob, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
