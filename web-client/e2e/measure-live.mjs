/* global window, document -- functions passed to page.evaluate run in the browser */
// Measures the "who is online" screen and the live speed chart (issue 13). Not a test: started by platform-api's
// LiveViewBenchmark (run only with -Pbenchmark), which sets up a tenant with MEASURE_SESSIONS sessions online and
// background logins/logouts on simulated routers, and passes LIVE_USER/LIVE_PASS and SPEED_IDS (subscribers moving
// traffic, comma-separated). Writes the numbers into results.json; the Java side writes the report.
//   1. the live table: a Chromium performance trace over MEASURE_TRACE_SECONDS while the feed applies changes and the
//      table is scrolled; dropped frames from the trace's frame reporter and from requestAnimationFrame gaps, per main
//      frame the style/layout/paint time and the elements restyled and objects laid out (frames.mjs' frameWork), and
//      the main-thread tasks longer than a frame (with what ran in them); it checks the table holds every session
//      online and shows new ones at its top. MEASURE_INVALIDATIONS=1 adds what each frame invalidated and why.
//      Traced twice (ADR 0220): `table` with the browser's threads MEASURE_BROWSER_BOOST (10) nice steps above their
//      own (above the platform sharing the machine, as a browser on its own machine), then `tableShared` with their own
//      values; then the composited layers (`layers`).
//   2. main-thread CPU of the SPEED_IDS subscriber pages with their live speed chart open, over 30 s (then closed)
//   3. the table page's JS heap after a forced GC, from the table's opening until MEASURE_MINUTES after it, every 15 s
//      (not while 1 and 2 measure: a forced GC is itself a long task); the platform's heap is sampled by the Java side
// The charts come before the long heap phase so a ten-minute run has them whatever the journey's time limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { env, finish, launch, nav, results, shot, signIn, step, viewport } from './lib.mjs';
import { compositedLayers, frameWork, gapSummary, invalidations, rendererMain, startFrameGaps, stopFrameGaps } from './frames.mjs';
import { boostBrowser, browserPriority } from './priority.mjs';

const minutes = Number(env('MEASURE_MINUTES', '3'));
const traceSeconds = Number(env('MEASURE_TRACE_SECONDS', '30'));
const expected = Number(env('MEASURE_SESSIONS', '5000'));
const speedIds = env('SPEED_IDS').split(',').filter(Boolean);
// MEASURE_INVALIDATIONS=1 adds Chromium's invalidation tracking to the trace (what each frame restyles or lays out and
// why): for finding a cause, not for the figures, as the tracking itself costs main-thread time
const tracingInvalidations = process.env.MEASURE_INVALIDATIONS === '1';
const outDir = env('OUT_DIR');
// how many nice steps the browser's threads run above their own while `table` is traced (ADR 0220); 0 traces only the
// shared machine
const browserBoost = Number(env('MEASURE_BROWSER_BOOST', '10'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const browser = await launch();
let ok = false;

const TASK = /^(ThreadControllerImpl::)?RunTask$/;

function framesFromTrace(file) {
  const trace = JSON.parse(readFileSync(file, 'utf8'));
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const states = {};
  let dropped = 0;
  for (const event of events) {
    if (event.name === 'PipelineReporter' && event.ph === 'b') {
      const state = event.args?.chrome_frame_reporter?.state ?? 'UNKNOWN';
      states[state] = (states[state] ?? 0) + 1;
    }
    if (event.name === 'DroppedFrame' || event.name === 'Graphics.Pipeline.DroppedFrame') dropped++;
  }
  // a main-thread task is 'ThreadControllerImpl::RunTask' in this Chromium's traces ('RunTask' in older ones)
  const longTasks = events.filter((e) => TASK.test(e.name) && e.dur > 50_000).length;
  return {
    reporterStates: states,
    droppedFrameEvents: dropped,
    longTasksOver50ms: longTasks,
    frameWork: frameWork(events),
    tasksOverAFrame: tasksOverAFrame(events),
    ...(tracingInvalidations ? { invalidations: invalidations(events) } : {}),
  };
}

// the renderer main thread's tasks over 16.7 ms, each with the work inside it that took longest (script by function,
// layout, style, GC), so a report says what cost the frame
function tasksOverAFrame(events) {
  const main = rendererMain(events);
  if (!main) return [];
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const start = Math.min(...own.map((e) => e.ts));
  return own
    .filter((e) => TASK.test(e.name) && e.dur > 16_700)
    .map((task) => {
      const inside = {};
      for (const e of own) {
        if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.dur < 1000) continue;
        if (!/^(FunctionCall|TimerFire|FireAnimationFrame|EventDispatch|Layout|UpdateLayoutTree|MinorGC|MajorGC|Paint|PrePaint|HitTest|RunMicrotasks|ParseHTML|EvaluateScript|ProxyMain::BeginMainFrame)$/.test(e.name)) continue;
        const key = e.name + (e.args?.data?.functionName ? ` ${e.args.data.functionName}` : '') + (e.args?.data?.type ? ` ${e.args.data.type}` : '');
        inside[key] = +((inside[key] ?? 0) + e.dur / 1000).toFixed(1);
      }
      // cpuMs: the time the thread ran (the rest it waited for a core, ADR 0220)
      return { atMs: Math.round((task.ts - start) / 1000), ms: +(task.dur / 1000).toFixed(1), cpuMs: +((task.tdur ?? task.dur) / 1000).toFixed(1), inside };
    });
}

try {
  const context = await browser.newContext({ viewport });
  let page;
  await step('open the live table with the sessions online', async () => {
    page = await signIn(context, env('LIVE_USER'), env('LIVE_PASS'));
    await nav(page, 'Who is online').click();
    await page.waitForFunction(
      (least) => Number((document.querySelector('[data-testid=online-total]')?.textContent ?? '').replace(/[^0-9]/g, '')) >= least,
      expected * 0.95,
      { timeout: 180000 },
    );
    await shot(page, 'live-5000');
  });

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
  const tableOpened = Date.now();
  const heap = [];
  const sampleHeap = async (phase) => {
    await cdp.send('HeapProfiler.collectGarbage');
    heap.push({
      atSeconds: Math.round((Date.now() - tableOpened) / 1000),
      phase,
      heapMiB: +((await metric('JSHeapUsedSize')) / 1048576).toFixed(2),
      domNodes: await metric('Nodes'),
      online: Number((await page.getByTestId('online-total').textContent()).replace(/[^0-9]/g, '')),
    });
  };
  await sampleHeap('start');

  // The same trace twice (ADR 0220): first with the browser at a higher CPU priority than the platform, the
  // simulators and PostgreSQL that share this machine (standing for a browser on its own machine: the page's own
  // stalls), then with all at one priority (the shared machine: its stalls too). `table` is the first.
  const traceTable = async (name, boost) => {
    const refused = boostBrowser(boost);
    const priority = { ...browserPriority(), asked: boost, refused };
    const traceFile = join(outDir, `${name}-trace.json`);
    await page.evaluate(() => {
      // the user names of the first five rows in view, in table order
      window.__newestRows = () =>
        [...document.querySelectorAll('[data-testid=live-rows] [role=row]')]
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .slice(0, 5)
          .map((row) => row.querySelector('[role=cell]')?.textContent)
          .join();
    });
    await page.getByTestId('live-rows').evaluate((el) => (el.scrollTop = 0));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=live-rows] [role=row]').length > 5);
    const topRowsBefore = await page.evaluate(() => window.__newestRows());
    await browser.startTracing(page, {
      path: traceFile,
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        'benchmark',
        'cc',
        'viz',
        'toplevel',
        ...(tracingInvalidations ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
      ],
    });
    // frame gaps as the page sees them, over the traced seconds only (starting the trace stalls the browser too): a
    // gap over 1.5 frames means at least one frame was missed
    await startFrameGaps(page);
    const rows = page.getByTestId('live-rows');
    const started = Date.now();
    const before = { tasks: await metric('TaskDuration') };
    // scroll down and up through the table at a steady pace while batches arrive
    let boosted = Date.now();
    while (Date.now() - started < traceSeconds * 1000) {
      // Chromium re-sets some threads' priorities as it runs: the boost (or its absence) is applied again each second
      if (Date.now() - boosted >= 1000) {
        priority.refused += boostBrowser(boost);
        boosted = Date.now();
      }
      await rows.evaluate((el) => el.scrollBy(0, 240));
      await sleep(100);
      if ((Date.now() - started) % 10000 < 120) await rows.evaluate((el) => (el.scrollTop = 0));
    }
    const cpu = ((await metric('TaskDuration')) - before.tasks) / traceSeconds;
    // the gaps stop before the trace does: writing out a 100 MB trace keeps the browser busy for seconds, and frames
    // missed then were the benchmark's, not the page's (they had been counted: 2,088 frames in a 30 s trace)
    const gaps = await stopFrameGaps(page);
    await browser.stopTracing();
    // the table shows what was pushed while it was traced: it holds the sessions online, and its newest rows changed
    // both read in one go, so from one render
    const [online, rowCount] = await page.evaluate(() => [
      Number((document.querySelector('[data-testid=online-total]')?.textContent ?? '').replace(/[^0-9]/g, '')),
      Number(document.querySelector('[role=table][aria-label="Online sessions"]')?.getAttribute('aria-rowcount')) - 1,
    ]);
    assert.ok(online >= expected * 0.9, `${online} online, ${expected} expected`);
    assert.equal(rowCount, online, 'the table holds every session online');
    await page.getByTestId('live-rows').evaluate((el) => (el.scrollTop = 0));
    await page.waitForFunction((before) => window.__newestRows() !== before, topRowsBefore, { timeout: 30000 });
    results[name] = {
      browserPriority: priority,
      online,
      rowsInTable: rowCount,
      seconds: traceSeconds,
      ...gapSummary(gaps),
      mainThreadCpuShare: cpu,
      trace: framesFromTrace(traceFile),
    };
    console.log(name, JSON.stringify(results[name]));
  };

  const where = browserBoost === 0 ? 'sharing the machine' : 'as on its own machine';
  await step(`trace the live table under churn, the browser ${where}`, () => traceTable('table', browserBoost));
  if (browserBoost !== 0) {
    await step('trace the live table under churn, the browser sharing the machine', () => traceTable('tableShared', 0));
    boostBrowser(browserBoost);
  }

  await step('count the composited layers', async () => {
    results.layers = await compositedLayers(cdp);
    console.log('layers', JSON.stringify(results.layers));
  });

  await step('speed charts open at once', async () => {
    // The token lives in the tab's sessionStorage, which a new tab does not share: every chart tab gets a copy of the
    // signed-in tab's (as read now, after any renewal) before the app starts, so all of them are one signed-in user
    // in one context, and none goes through the sign-in redirects.
    const stored = await page.evaluate(() => Object.fromEntries(Object.entries(window.sessionStorage)));
    await context.addInitScript((entries) => {
      try {
        for (const [key, value] of Object.entries(entries)) {
          if (window.sessionStorage.getItem(key) === null) window.sessionStorage.setItem(key, value);
        }
      } catch {
        // about:blank has no storage
      }
    }, stored);
    const pages = [];
    for (const id of speedIds) {
      const chartPage = await context.newPage();
      await chartPage.goto(`${env('BASE_URL')}/subscribers/${id}`);
      await chartPage.getByTestId('live-chart').waitFor({ timeout: 60000 });
      pages.push(chartPage);
    }
    await Promise.all(
      pages.map((p) => p.waitForFunction(() => Number(document.querySelector('[data-testid=live-chart]')?.dataset.samples) >= 3, null, { timeout: 60000 })),
    );
    const sessions = await Promise.all(pages.map(async (p) => {
      const session = await context.newCDPSession(p);
      await session.send('Performance.enable');
      return session;
    }));
    // per chart tab: main-thread task time and the part of it spent running script (CDP's own counters, the same as
    // a trace's totals), so the figure is CPU time, not wall time
    const perTab = async () =>
      Promise.all(sessions.map(async (s) => {
        const metrics = (await s.send('Performance.getMetrics')).metrics;
        const value = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
        return { task: value('TaskDuration'), script: value('ScriptDuration') };
      }));
    const visible = await Promise.all(pages.map((p) => p.evaluate(() => document.visibilityState)));
    const samplesBefore = await Promise.all(pages.map((p) => p.evaluate(() => Number(document.querySelector('[data-testid=live-chart]')?.dataset.samples))));
    const before = await perTab();
    await sleep(30000);
    const after = await perTab();
    const samplesAfter = await Promise.all(pages.map((p) => p.evaluate(() => Number(document.querySelector('[data-testid=live-chart]')?.dataset.samples))));
    const perChart = after.map((end, i) => ({
      scriptMsPerSecond: +(((end.script - before[i].script) * 1000) / 30).toFixed(2),
      taskMsPerSecond: +(((end.task - before[i].task) * 1000) / 30).toFixed(2),
      samplesReceived: samplesAfter[i] - samplesBefore[i],
    }));
    const total = (key) => +perChart.reduce((sum, chart) => sum + chart[key], 0).toFixed(2);
    results.charts = {
      charts: pages.length,
      visible: visible.filter((v) => v === 'visible').length,
      seconds: 30,
      perChart,
      scriptMsPerSecondAllCharts: total('scriptMsPerSecond'),
      taskMsPerSecondAllCharts: total('taskMsPerSecond'),
      mainThreadCpuShareAllCharts: total('taskMsPerSecond') / 1000,
    };
    for (const [i, chart] of perChart.entries()) {
      console.log(`chart ${i + 1}: script ${chart.scriptMsPerSecond} ms/s, main thread ${chart.taskMsPerSecond} ms/s, ${chart.samplesReceived} samples in 30 s`);
    }
    console.log('charts', JSON.stringify(results.charts));
    // the chart tabs share the table's renderer process at times: closed, so the heap after them is the table's
    for (const chartPage of pages) await chartPage.close();
  });

  await step('JS heap with the table open', async () => {
    await sampleHeap('after the trace and charts');
    while (Date.now() - tableOpened < minutes * 60000) {
      await sleep(Math.min(15000, Math.max(0, minutes * 60000 - (Date.now() - tableOpened))));
      await sampleHeap('table');
    }
    const first = heap[0];
    const last = heap.at(-1);
    results.heap = {
      minutes: +((Date.now() - tableOpened) / 60000).toFixed(1),
      startMiB: first.heapMiB,
      endMiB: last.heapMiB,
      maxMiB: Math.max(...heap.map((sample) => sample.heapMiB)),
      startDomNodes: first.domNodes,
      endDomNodes: last.domNodes,
      samples: heap,
    };
    console.log('heap', JSON.stringify(results.heap));
  });
  ok = true;
} catch (error) {
  console.error(error);
} finally {
  await finish(browser, ok);
}
