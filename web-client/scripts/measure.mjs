// Benchmark (not a test): run from a directory where `npm install lighthouse@12` put lighthouse and puppeteer-core,
// e.g. `cp web-client/scripts/measure.mjs /tmp/lh/ && node /tmp/lh/measure.mjs BASE USER PASS`, or let
// WebClientListJourneyTests run it over 100,000 subscribers with -Dtowerline.e2e.measure=/tmp/lh/measure.mjs.
// The frame figures come from the web client's e2e/frames.mjs (shared with e2e/measure-live.mjs): found through
// WEB_CLIENT (the web-client directory; WebClientListJourneyTests sets it) or, run in place, beside this script.
/* global window, document, performance, requestAnimationFrame */
// Measures the web client on a running platform: initial JS (gzip/br as transferred), subscriber list first page
// from click, frames while scrolling and paging through the list, and Lighthouse on dashboard and subscriber list.
// Args: BASE USER PASS
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';

const webClient = process.env.WEB_CLIENT ?? fileURLToPath(new URL('..', import.meta.url));
const { gapSummary, startFrameGaps, stopFrameGaps } = await import(pathToFileURL(join(webClient, 'e2e', 'frames.mjs')).href);

const [base, user, pass] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  defaultViewport: { width: 1360, height: 860 },
});
const page = await browser.newPage();
await page.goto(base + '/');
await page.waitForSelector('#username');
await page.type('#username', user);
await page.type('#password', pass);
await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
await page.waitForFunction(() => document.querySelector('h2')?.textContent === 'Dashboard', { timeout: 60000 });

// initial JavaScript of the first screen (dashboard), fresh load with the token already held
const client = await page.createCDPSession();
await client.send('Network.enable');
await client.send('Network.clearBrowserCache');
const scripts = new Map();
client.on('Network.responseReceived', (e) => { if (e.type === 'Script') scripts.set(e.requestId, e.response.url); });
const sizes = new Map();
client.on('Network.loadingFinished', (e) => { if (scripts.has(e.requestId)) sizes.set(e.requestId, e.encodedDataLength); });
await page.reload({ waitUntil: 'networkidle0' });
let total = 0;
for (const id of scripts.keys()) total += sizes.get(id) ?? 0;
console.log(`initial JS on the dashboard: ${scripts.size} files, ${(total / 1024).toFixed(1)} KB transferred`);

// subscriber list: click → first row visible
const times = [];
for (let i = 0; i < 5; i++) {
  await page.goto(base + '/', { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.querySelector('h2')?.textContent === 'Dashboard').catch(async (e) => {
    console.log('state', page.url(), await page.evaluate(() => document.body.innerText.slice(0, 400)));
    throw e;
  });
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent === 'Subscribers');
    const start = performance.now();
    link.click();
    const check = () => {
      const row = document.querySelector('table tbody tr a');
      const count = [...document.querySelectorAll('p')].find((p) => /subscribers?, /.test(p.textContent ?? ''));
      if (row && count) resolve(performance.now() - start); else requestAnimationFrame(check);
    };
    check();
  }));
  times.push(Math.round(ms));
}
const count = await page.evaluate(() => [...document.querySelectorAll('p')].find((p) => /subscribers?, /.test(p.textContent ?? ''))?.textContent);
console.log(`subscriber list first page from click (${count}): ${times.join(', ')} ms`);

// the 100,000-row list without jank: the page is scrolled to its end and back, then paged forwards ten times
// (the list pages by cursor, 50 rows a page, so that is how a user goes through 100,000 rows); frame gaps as
// requestAnimationFrame sees them, a gap over 1.5 frames counts the frames it missed
{
  await startFrameGaps(page);
  const firstRow = () => page.evaluate(() => document.querySelector('table tbody tr a')?.textContent);
  for (let pass = 0; pass < 2; pass++) {
    for (let y = 0; y < 2000; y += 100) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    for (let y = 2000; y >= 0; y -= 100) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  }
  let pages = 0;
  for (; pages < 10; pages++) {
    const before = await firstRow();
    const clicked = await page.evaluate(() => {
      const next = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Next');
      next?.click();
      return Boolean(next && !next.disabled);
    });
    if (!clicked) break;
    await page.waitForFunction((row) => document.querySelector('table tbody tr a')?.textContent !== row, {}, before);
  }
  const gaps = gapSummary(await stopFrameGaps(page));
  console.log(`subscriber list scrolled twice and paged ${pages} times: ${gaps.frames} frames, ${gaps.missedFrames} missed, ${gaps.gapsOver25ms} gaps over 25 ms, p99 ${gaps.gapP99Ms} ms, max ${gaps.gapMaxMs} ms`);
}

for (const path of ['/', '/subscribers']) {
  const result = await lighthouse(base + path, { disableStorageReset: true, output: 'json', logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'], formFactor: 'desktop',
    screenEmulation: { mobile: false, width: 1360, height: 860, deviceScaleFactor: 1, disabled: false },
    throttlingMethod: 'simulate' }, undefined, page);
  const c = result.lhr.categories;
  const a = result.lhr.audits;
  console.log(`lighthouse ${path}: performance ${Math.round(c.performance.score * 100)}, accessibility ${Math.round(c.accessibility.score * 100)}; FCP ${a['first-contentful-paint'].displayValue}, LCP ${a['largest-contentful-paint'].displayValue}, TBT ${a['total-blocking-time'].displayValue}, CLS ${a['cumulative-layout-shift'].displayValue}`);
  for (const [id, audit] of Object.entries(a)) {
    if (audit.score !== null && audit.score < 1 && c.accessibility.auditRefs.some((r) => r.id === id && r.weight > 0)) {
      console.log(`  a11y: ${id}: ${audit.title}`);
      for (const item of audit.details?.items ?? []) console.log(`     ${item.node?.snippet?.slice(0, 160)} ${item.node?.explanation?.split('\n')[1] ?? ''}`);
    }
  }
}
await browser.close();
