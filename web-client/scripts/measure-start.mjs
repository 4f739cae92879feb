// Benchmark (not a test): what the first screen costs the browser's main thread, in figures that do not depend much on
// how loaded the machine is — script bytes, requests, long tasks and main-thread time under 4× CPU throttling.
// Args: BASE USER PASS [CHROMIUM]. Run by hand against a running platform (`node scripts/measure-start.mjs
// http://127.0.0.1:8080 demo-admin <password>`), or by WebClientListJourneyTests beside measure.mjs.
/* global performance, PerformanceObserver, window */
import { chromium } from 'playwright-core';

const [base, user, pass, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
const THROTTLE = 4;
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-gpu'],
});
const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
await context.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
});
const page = await context.newPage();
await page.goto(base + '/');
await page.waitForURL(/\/login/);
await page.fill('#username', user);
await page.fill('#password', pass);
await page.click('button[type=submit]');
await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 60000 });

/** Loads `path` afresh (empty cache, the sign-in kept in the tab) until `ready` shows, and reports what it cost. */
async function measure(label, path, ready) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Performance.enable');
  const scripts = new Map();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.set(event.requestId, 0);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (scripts.has(event.requestId)) scripts.set(event.requestId, event.encodedDataLength);
  });
  // away from the app (the tab keeps its sign-in in sessionStorage)
  await page.goto('about:blank');
  const before = metrics(await cdp.send('Performance.getMetrics'));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const started = Date.now();
  await page.goto(base + path);
  await ready(page);
  const shownMs = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const after = metrics(await cdp.send('Performance.getMetrics'));
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const resources = performance.getEntriesByType('resource');
    return {
      fcp,
      requestsBeforePaint: resources.filter((r) => r.startTime < fcp).length + 1,
      requests: resources.length + 1,
      longTasks: window.__longTasks,
    };
  });
  const blocking = timing.longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
  const longest = Math.max(0, ...timing.longTasks.map((task) => task.duration));
  const kb = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0) / 1024;
  console.log(
    `${label} (CPU ${THROTTLE}× slower): JS ${scripts.size} files ${kb.toFixed(1)} KB transferred; ` +
      `${timing.requestsBeforePaint} requests before first paint (${timing.requests} in all); ` +
      `first paint ${Math.round(timing.fcp)} ms, shown ${shownMs} ms; ` +
      `${timing.longTasks.length} long tasks, longest ${Math.round(longest)} ms, blocking ${Math.round(blocking)} ms; ` +
      `main thread: script ${ms(after.ScriptDuration - before.ScriptDuration)} ms, ` +
      `style+layout ${ms(after.RecalcStyleDuration + after.LayoutDuration - before.RecalcStyleDuration - before.LayoutDuration)} ms, ` +
      `tasks ${ms(after.TaskDuration - before.TaskDuration)} ms`,
  );
  await cdp.detach();
}

function metrics(result) {
  return Object.fromEntries(result.metrics.map(({ name, value }) => [name, value]));
}

function ms(seconds) {
  return Math.round(seconds * 1000);
}

const heading = (name) => (p) => p.getByRole('heading', { name, exact: true }).waitFor({ timeout: 60000 });
for (let run = 1; run <= 3; run++) {
  await measure(`dashboard, run ${run}`, '/', async (p) => {
    await heading('Dashboard')(p);
    await p.getByRole('region', { name: 'Subscribers', exact: true }).getByTestId('figure').waitFor({ timeout: 60000 });
  });
  await measure(`subscriber list, run ${run}`, '/subscribers', async (p) => {
    await heading('Subscribers')(p);
    await p.locator('tbody tr').first().waitFor({ timeout: 60000 });
  });
}
await browser.close();
