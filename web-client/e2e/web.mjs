// Issue 12's journey: dashboard figures, the subscriber list's sorting, the full CSV export, and that every document
// the app sends is in its persisted-documents manifest (what the platform's trusted-documents mode accepts). Started by
// platform-api's WebClientListJourneyTests, which prepares the tenant and passes TENANT_USER/TENANT_PASS. Also times
// the subscriber list's first page (click to rows) and writes it to results.json. Shared pieces: lib.mjs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
/* global document */
import { env, finish, launch, nav, results, shot, signIn, step, viewport } from './lib.mjs';

const manifest = JSON.parse(readFileSync(new URL('../src/gql/persisted-documents.json', import.meta.url), 'utf8'));
const sent = new Set();
const browser = await launch();
let ok = false;

function figure(page, title) {
  return page.getByRole('region', { name: title, exact: true }).getByTestId('figure');
}

async function count(page, region, label) {
  const text = await page.getByRole('region', { name: region, exact: true }).getByLabel(new RegExp(`^${label}: `)).textContent();
  return Number(text.replace(/[^0-9]/g, ''));
}

async function firstUsernames(page, n) {
  const cells = page.locator('tbody tr td:first-child');
  await cells.first().waitFor();
  return (await cells.allTextContents()).slice(0, n);
}

/** Waits until the list's first row is another one than `before` (the re-sorted page has arrived). */
async function rowsChanged(page, before) {
  await page.waitForFunction((first) => document.querySelector('tbody tr td')?.textContent !== first, before, { timeout: 60000 });
}

try {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  context.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.method() === 'POST') {
      sent.add(JSON.parse(request.postData()).query);
    }
  });
  context.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload));
      if (message.type === 'subscribe') sent.add(message.payload.query);
    }),
  );
  const page = await signIn(context, env('TENANT_USER'), env('TENANT_PASS'));

  await step('dashboard: counts over every row', async () => {
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await figure(page, 'Subscribers').waitFor();
    results.dashboard = {
      subscribers: Number((await figure(page, 'Subscribers').textContent()).replace(/[^0-9]/g, '')),
      suspended: await count(page, 'Subscribers', 'Suspended'),
      disabled: await count(page, 'Subscribers', 'Disabled'),
      failed: await count(page, 'Operations', 'Failed'),
      routers: Number((await figure(page, 'Routers').textContent()).replace(/[^0-9]/g, '')),
    };
    // a failed count comes with what failed (kind, router, the router's answer) and the way to retry
    const failures = page.getByRole('region', { name: 'Failed operations', exact: true });
    const latest = failures.getByRole('list', { name: 'Latest failures' }).getByRole('listitem');
    await latest.first().waitFor();
    results.latestFailures = (await latest.evaluateAll((items) => items.map((item) => item.innerText))).map((text) =>
      text.replace(/ · [^\n]*/, '').replace(/\s+/g, ' ').trim(),
    );
    results.failuresLink = await failures.getByRole('link', { name: /retry/ }).getAttribute('href');
    // the docs' dashboard: 100,000 subscribers and 104 failed operations (run.mjs's is a new tenant's)
    await shot(page, 'dashboard');
  });

  await step('subscriber list: first page, then sorted by expiry both ways', async () => {
    const started = Date.now();
    await nav(page, 'Subscribers').click();
    await page.getByRole('heading', { name: 'Subscribers' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    results.firstPageMs = Date.now() - started;
    results.byUsername = await firstUsernames(page, 3);
    await page.getByRole('button', { name: 'Sort by expires' }).click();
    await page.waitForURL(/sort=EXPIRY/);
    await page.locator('th[aria-sort=ascending]').waitFor();
    await rowsChanged(page, results.byUsername[0]);
    results.byExpiry = await firstUsernames(page, 3);
    await page.getByRole('button', { name: 'Sort by expires' }).click();
    await page.waitForURL(/desc=1/);
    await page.locator('th[aria-sort=descending]').waitFor();
    await rowsChanged(page, results.byExpiry[0]);
    results.byExpiryDescending = await firstUsernames(page, 3);
    await shot(page, 'subscribers-sorted');
  });

  await step('export every matching subscriber as CSV', async () => {
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'SUSPENDED' }).click();
    await page.waitForURL(/status=SUSPENDED/);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const file = join(env('OUT_DIR'), 'subscribers.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').split('\r\n').filter((line) => line !== '');
    results.exportLines = lines.length;
    results.exportStatuses = [...new Set(lines.slice(1).map((line) => line.split(',')[7]))];
  });

  await step('every document sent is in the persisted-documents manifest', async () => {
    const known = new Set(Object.keys(manifest));
    results.documentsSent = sent.size;
    results.untrusted = [...sent].filter((query) => !known.has(createHash('sha256').update(query, 'utf8').digest('hex')));
    assert.deepEqual(results.untrusted, []);
  });
  ok = true;
} finally {
  await finish(browser, ok);
}
