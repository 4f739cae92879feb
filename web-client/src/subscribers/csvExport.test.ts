import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadSubscribersCsv, exportUrl, rowCounter } from './csvExport';

describe('the subscriber export', () => {
  it('asks for the list filter and order, leaving out what is not set', () => {
    expect(exportUrl({ text: 'ann', status: null, planId: undefined, orderBy: 'EXPIRY', descending: true })).toBe(
      '/exports/subscribers.csv?text=ann&orderBy=EXPIRY&descending=true',
    );
    expect(exportUrl({ descending: false })).toBe('/exports/subscribers.csv');
  });

  it('counts rows across chunks, not line breaks inside quoted cells', () => {
    const count = rowCounter();
    expect(count('username,notes\r\nanna,"line one\nline')).toBe(1);
    expect(count(' two"\r\nbruno,x\r')).toBe(1);
    expect(count('\n')).toBe(1);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('says when the export may be tried again once the allowance is used up', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"errors":[]}', { status: 429, headers: { 'Retry-After': '42' } })));
    await expect(downloadSubscribersCsv({ descending: false }, () => undefined)).rejects.toThrow(
      'Too many requests for your account right now: export again in 42 s.',
    );
  });
});
